from __future__ import annotations

import subprocess
from typing import List, Optional, Tuple


class Run:
    def __init__(self, cmd: List[str], input: Optional[bytes] = None) -> None:
        self.cmd = cmd
        self.input = input
        self._process: Optional[subprocess.Popen] = None
        self._process_output = b""

    def _init_process(self) -> None:
        self._process = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, close_fds=True)

    def _wait_for_process(self) -> None:
        assert self._process is not None
        self._process_output, _ = self._process.communicate(self.input)

    def _cleanup_process(self) -> None:
        """Cleanup any leftovers from the process"""
        if self._process is not None and self._process.stdout is not None and not self._process.stdout.closed:
            self._process.stdout.close()

    def run(self) -> Tuple[int, bytes]:
        self._init_process()
        self._wait_for_process()
        self._cleanup_process()
        assert self._process is not None
        return self._process.returncode, self._process_output
