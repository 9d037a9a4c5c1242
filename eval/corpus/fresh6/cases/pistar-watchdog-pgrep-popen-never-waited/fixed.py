from __future__ import annotations

import os
import subprocess
import time

SERVICES = {
    "MMDVMHost": "mmdvmhost.service",
    "DMRGateway": "dmrgateway.service",
    "YSFGateway": "ysfgateway.service",
}


def check_service(process_name: str, unit: str) -> None:
    checkproc = subprocess.Popen("pgrep " + process_name, shell=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if not checkproc.stdout.readlines():
        os.system("/bin/systemctl stop " + unit)
        time.sleep(2)  # give the service time to stop before we move on
        os.system("/bin/systemctl start " + unit)
        time.sleep(10)  # give the service time to start before we move on
    checkproc.wait()


def main() -> None:
    while True:  # main loop
        for process_name, unit in SERVICES.items():
            check_service(process_name, unit)
        time.sleep(300)


if __name__ == "__main__":
    main()
