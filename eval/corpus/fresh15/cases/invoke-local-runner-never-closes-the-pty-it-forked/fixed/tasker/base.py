import os
import sys
import time
from typing import Dict, List, Optional


class Result:
    def __init__(self, command: str, stdout: str, exited: Optional[int], pty: bool) -> None:
        self.command = command
        self.stdout = stdout
        self.exited = exited
        self.pty = pty

    @property
    def ok(self) -> bool:
        return self.exited == 0


class Runner:
    """Runs a command and copies its output; subclasses say how to start and read it."""

    read_chunk_size = 1000

    def __init__(self) -> None:
        self.using_pty = False
        self.warned_about_pty_fallback = False

    def should_use_pty(self, pty: bool = False, fallback: bool = True) -> bool:
        return pty

    def run(self, command: str, pty: bool = False, shell: str = "/bin/bash",
            env: Optional[Dict[str, str]] = None) -> Result:
        self.using_pty = self.should_use_pty(pty)
        captured: List[str] = []
        try:
            self.start(command, shell, dict(os.environ, **(env or {})))
            while True:
                data = self.read_proc_stdout(self.read_chunk_size)
                if not data:
                    if self.process_is_finished:
                        break
                    time.sleep(0.01)
                    continue
                text = data.decode("utf-8", "replace")
                captured.append(text)
                sys.stdout.write(text)
            while not self.process_is_finished:
                time.sleep(0.01)
            return Result(command, "".join(captured), self.returncode(), self.using_pty)
        finally:
            self.stop()

    def start(self, command: str, shell: str, env: Dict[str, str]) -> None:
        raise NotImplementedError

    def read_proc_stdout(self, num_bytes: int) -> Optional[bytes]:
        raise NotImplementedError

    @property
    def process_is_finished(self) -> bool:
        raise NotImplementedError

    def returncode(self) -> Optional[int]:
        raise NotImplementedError

    def stop(self) -> None:
        """Release whatever start() acquired."""
