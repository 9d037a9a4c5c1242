import subprocess
from typing import List, Tuple


def run_with_timeout(cmd: List[str], timeout: float) -> Tuple[int, bytes, bool]:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timed_out = False
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, _ = proc.communicate()
    return proc.returncode, out, timed_out
