import logging
import os
import select
import subprocess
import time
from pathlib import Path
from typing import List, Optional

logger = logging.getLogger(__name__)
ENCODING = "utf-8"


class ClientDisconnectedError(Exception):
    pass


class ArgumentsExecutionResult:
    def __init__(self, return_code: int, stdout: str, stderr: str):
        self.return_code = return_code
        self.stdout = stdout
        self.stderr = stderr


class Arguments:
    @staticmethod
    def _execute_async(
        args: List[str],
        event_socket_fd: int,
        cwd: Path,
        timeout: Optional[float],
    ) -> ArgumentsExecutionResult:
        start_time = time.time()
        with subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
            poller = select.poll()
            poller.register(event_socket_fd, select.POLLRDHUP | select.POLLIN)

            process_fd = os.pidfd_open(process.pid)  # LEAK
            poller.register(process_fd, select.POLLRDHUP | select.POLLIN)

            while True:
                now_time = time.time()

                if timeout is not None and now_time - start_time >= timeout:
                    raise TimeoutError(f"Compiler timed out. (Timeout: {timeout}s).")

                events = poller.poll(1)
                for fd, event in events:
                    if fd == event_socket_fd:
                        logger.info("Terminating compilation process as socket got closed by remote. (event: %i)", event)
                        process.terminate()
                        process.wait()
                        raise ClientDisconnectedError
                    elif fd == process_fd:
                        stdout_bytes, stderr_bytes = process.communicate()
                        return ArgumentsExecutionResult(
                            process.returncode, stdout_bytes.decode(ENCODING), stderr_bytes.decode(ENCODING)
                        )
                    else:
                        logger.warning("Got poll() event for fd '%i', which does neither match the socket nor the process.", fd)
