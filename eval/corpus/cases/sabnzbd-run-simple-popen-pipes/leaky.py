from __future__ import annotations

import subprocess


def run_simple(cmd: list) -> str:
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # LEAK
    txt = p.stdout.read().decode(errors="replace")
    p.wait()
    return txt
