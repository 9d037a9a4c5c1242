from __future__ import annotations

import subprocess
import threading


def launch(args: list[str]) -> subprocess.Popen:
    process = subprocess.Popen(args)
    threading.Thread(target=process.wait, daemon=True).start()
    return process
