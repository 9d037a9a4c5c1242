import os
import subprocess
from typing import List, Optional


class Launcher:
    def __init__(self, args: List[str], log_path: str) -> None:
        self.args = args
        self.log_path = log_path
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> None:
        with open(self.log_path, "ab") as log, open(os.devnull, "rb") as stdin:
            self.process = subprocess.Popen(self.args, stdout=log, stderr=subprocess.STDOUT, stdin=stdin)

    def wait(self, timeout: Optional[float] = None) -> int:
        assert self.process is not None
        return self.process.wait(timeout)
