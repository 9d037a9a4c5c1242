from __future__ import annotations

import subprocess


def run_simple(cmd: list) -> str:
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
        out, _ = p.communicate()
    return out.decode(errors="replace")
