from __future__ import annotations

import subprocess
from typing import List


def capture_fields(path: str) -> List[str]:
    command = ["tshark", "-r", path, "-T", "fields", "-e", "ip.src"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
        lines = [line.strip() for line in process.stdout]
    if process.returncode != 0:
        raise RuntimeError(f"capture failed with {process.returncode}")
    return lines
