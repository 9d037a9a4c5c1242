from __future__ import annotations

import subprocess


def is_fat(path: str) -> bool:
    process = subprocess.Popen(["mount"], stdout=subprocess.PIPE, text=True)  # LEAK
    for line in process.stdout.read().splitlines():
        if path.startswith(line.split(" on ")[-1].split(" ")[0]) and "msdos" in line:
            return True
    return False
