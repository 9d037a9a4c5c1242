import subprocess
from typing import Optional


def lookup(host: str) -> Optional[str]:
    child = subprocess.Popen(("nslookup", host), stdout=subprocess.PIPE)
    try:
        answer = child.stdout.read()  # type: ignore[union-attr]
    finally:
        child.stdout.close()  # type: ignore[union-attr]
        child.terminate()
        child.wait(1)
    address = answer.rpartition(b"Address:")[2].strip().decode()
    return address or None


def convert(tool: str, filename: str) -> bytes:
    return subprocess.check_output([tool, filename])
