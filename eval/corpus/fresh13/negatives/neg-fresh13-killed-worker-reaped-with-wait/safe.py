import os
import signal
import subprocess


class Worker:
    def __init__(self, command: str) -> None:
        self.popen = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE)

    def close(self, abort: bool) -> int:
        if abort and self.popen.poll() is None:
            os.kill(self.popen.pid, signal.SIGKILL)
        rc = self.popen.wait()
        self.popen.stdout.close()
        return rc
