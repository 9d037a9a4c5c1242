from __future__ import annotations

import subprocess
import time

SERVICES = {"MMDVMHost": "mmdvmhost.service", "DMRGateway": "dmrgateway.service"}


def is_running(process_name: str) -> bool:
    with subprocess.Popen(["pgrep", process_name], stdout=subprocess.PIPE) as proc:
        return bool(proc.stdout.read())


def main() -> None:
    while True:
        for process_name, unit in SERVICES.items():
            if not is_running(process_name):
                subprocess.run(["systemctl", "restart", unit], check=False)
        time.sleep(300)
