import os
import pty
from typing import List, Tuple


def fork_pty(args: List[str]) -> Tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execvp(args[0], args)
        finally:
            os._exit(1)
    return pid, fd
