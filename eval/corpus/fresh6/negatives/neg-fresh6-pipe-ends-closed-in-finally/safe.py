from __future__ import annotations

import os
import subprocess
from typing import List


def run_and_collect(cmd: List[str]) -> str:
    read_end, write_end = os.pipe()
    try:
        with subprocess.Popen(cmd, stdout=write_end) as proc:
            os.close(write_end)
            chunks = []
            while True:
                chunk = os.read(read_end, 4096)
                if not chunk:
                    break
                chunks.append(chunk)
            proc.wait()
        return b"".join(chunks).decode()
    finally:
        for fd in (read_end, write_end):
            try:
                os.close(fd)
            except OSError:
                pass
