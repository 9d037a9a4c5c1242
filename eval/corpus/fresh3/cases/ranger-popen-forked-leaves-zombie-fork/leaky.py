from __future__ import annotations

import os
import subprocess
from typing import Any


def Popen_forked(*args: Any, **kwargs: Any) -> bool:
    """Start a program in a forked, detached child so that it outlives the file manager."""
    kwargs["stdin"] = subprocess.DEVNULL
    kwargs["stdout"] = subprocess.DEVNULL
    kwargs["stderr"] = subprocess.DEVNULL
    pid = os.fork()  # LEAK
    if pid == 0:
        os.setsid()
        subprocess.Popen(*args, **kwargs)
        os._exit(0)
    return True


def open_with(program: str, path: str) -> bool:
    return Popen_forked([program, path])
