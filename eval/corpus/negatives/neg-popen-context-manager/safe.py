from __future__ import annotations

import subprocess


def stream_lines(cmd: list) -> list:
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) as proc:
        return [line.rstrip("\n") for line in proc.stdout]


def version(tool: str) -> str:
    return subprocess.run([tool, "--version"], capture_output=True, text=True, check=True).stdout.strip()
