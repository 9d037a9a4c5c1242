from __future__ import annotations

import os


def power_mode() -> str:
    with os.popen("nvpmodel -q") as pipe:
        output = pipe.read()
    lines = output.splitlines()
    return lines[0].split(":")[-1].strip() if lines else "unknown"
