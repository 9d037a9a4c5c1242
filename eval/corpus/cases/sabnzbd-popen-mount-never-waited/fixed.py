from __future__ import annotations

import subprocess


def is_fat(path: str) -> bool:
    with subprocess.Popen(["mount"], stdout=subprocess.PIPE, text=True) as process:
        output, _ = process.communicate()
    for line in output.splitlines():
        if path.startswith(line.split(" on ")[-1].split(" ")[0]) and "msdos" in line:
            return True
    return False
