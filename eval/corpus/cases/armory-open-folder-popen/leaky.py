from __future__ import annotations

import subprocess
import sys


def open_folder(path: str) -> None:
    if sys.platform == "win32":
        subprocess.Popen(["explorer", path])  # LEAK
    else:
        subprocess.Popen(["xdg-open", path])  # LEAK
