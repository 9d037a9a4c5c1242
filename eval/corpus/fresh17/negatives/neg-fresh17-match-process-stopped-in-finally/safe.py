import subprocess
from typing import Callable, Dict, List


def play(argv: List[str], read: Callable[[subprocess.Popen], Dict[str, int]]) -> Dict[str, int]:
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, universal_newlines=True)
    try:
        return read(proc)
    finally:
        try:
            proc.kill()
        except OSError:
            pass
        proc.wait()
        proc.stdout.close()
