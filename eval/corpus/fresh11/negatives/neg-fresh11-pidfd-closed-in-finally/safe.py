import os
import select
import subprocess
from typing import List, Optional


class ClientDisconnected(Exception):
    pass


def run_compiler(args: List[str], event_fd: int, timeout: Optional[float]) -> int:
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        poller = select.poll()
        poller.register(event_fd, select.POLLIN)
        process_fd = os.pidfd_open(process.pid)
        try:
            poller.register(process_fd, select.POLLIN)
            for fd, _event in poller.poll(None if timeout is None else timeout * 1000):
                if fd == event_fd:
                    process.terminate()
                    process.wait()
                    raise ClientDisconnected()
            process.communicate()
            return process.returncode
        finally:
            os.close(process_fd)
