from __future__ import annotations

import subprocess
from typing import Tuple


def tool_version(binary: str) -> Tuple[int, str]:
    proc = subprocess.Popen([binary, "--version"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate(timeout=30)
    return proc.returncode, out or err
