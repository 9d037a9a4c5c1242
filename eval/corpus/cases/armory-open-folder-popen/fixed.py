from __future__ import annotations

import subprocess
import sys


def open_folder(path: str) -> None:
    if sys.platform == "win32":
        subprocess.run(["explorer", path], check=False)
    else:
        subprocess.run(["xdg-open", path], check=False)
