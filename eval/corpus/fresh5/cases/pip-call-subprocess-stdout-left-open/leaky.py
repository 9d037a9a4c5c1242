from __future__ import annotations

import subprocess
from typing import List, Optional


def call_subprocess(cmd: List[str], cwd: Optional[str] = None, show_stdout: bool = False) -> str:
    stdout = None if show_stdout else subprocess.PIPE
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # LEAK
    all_output = []
    if stdout is not None:
        while True:
            line = proc.stdout.readline()
            if not line:
                break
            all_output.append(line.decode("utf-8", "replace"))
    proc.wait()
    if proc.returncode:
        raise RuntimeError(f"command {cmd[0]} failed with error code {proc.returncode}")
    return "".join(all_output)
