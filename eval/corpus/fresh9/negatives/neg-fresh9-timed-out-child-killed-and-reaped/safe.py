from __future__ import annotations

import subprocess
from typing import Tuple


def probe(cmd: list, timeout: float = 5) -> Tuple[int, str, str]:
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        return -1, out, "timed out"
    return process.returncode, out, err
