from __future__ import annotations

import subprocess


def compiler_version(compiler: str) -> str:
    proc = subprocess.Popen([compiler, "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # LEAK
    first = proc.stdout.readline().decode()
    if not first:
        return ""
    return first.split()[-1]
