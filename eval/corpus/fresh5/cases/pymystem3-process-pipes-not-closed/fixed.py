from __future__ import annotations

import subprocess
from typing import List, Optional


class Mystem:
    def __init__(self, mystem_bin: str = "mystem", grammar_info: bool = True) -> None:
        self._mystem_bin = mystem_bin
        self._mystemargs: List[str] = ["--format", "json"] + (["-gi"] if grammar_info else [])
        self._proc: Optional[subprocess.Popen] = None

    def start(self) -> None:
        self._proc = subprocess.Popen(
            [self._mystem_bin] + self._mystemargs,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)

    def close(self) -> None:
        if self._proc is not None:
            self._proc.terminate()  # send TERM, then close both pipes, then wait
            if self._proc.stdin is not None:
                self._proc.stdin.close()
            if self._proc.stdout is not None:
                self._proc.stdout.close()
            self._proc.wait()
            self._proc = None

    def analyze(self, text: str) -> bytes:
        if self._proc is None:
            self.start()
        assert self._proc is not None and self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(text.encode("utf-8") + b"\n")
        self._proc.stdin.flush()
        return self._proc.stdout.readline()
