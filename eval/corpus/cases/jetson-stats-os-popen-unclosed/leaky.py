from __future__ import annotations

import os


def power_mode() -> str:
    output = os.popen("nvpmodel -q").read()  # LEAK
    lines = output.splitlines()
    return lines[0].split(":")[-1].strip() if lines else "unknown"
