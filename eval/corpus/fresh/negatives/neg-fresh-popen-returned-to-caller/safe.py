from __future__ import annotations

import subprocess
import sys


def spawn_worker(script: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)


def run_worker(script: str) -> str:
    with spawn_worker(script) as proc:
        out, _ = proc.communicate(timeout=60)
    return out
