from subprocess import PIPE, Popen
from typing import List, Tuple


def run_command(cmd: List[str], timeout: float = 60) -> Tuple[int, bytes, bytes]:
    with Popen(cmd, stdout=PIPE, stderr=PIPE, stdin=PIPE) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except Exception:
            proc.kill()
            raise
        return proc.returncode, out, err
