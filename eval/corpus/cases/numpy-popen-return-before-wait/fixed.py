from __future__ import annotations

import subprocess


def compiler_version(compiler: str) -> str:
    proc = subprocess.Popen([compiler, "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output, _ = proc.communicate()
    first = output.decode().splitlines()[0] if output else ""
    if not first:
        return ""
    return first.split()[-1]
