from __future__ import annotations

import os
import subprocess
import tempfile


def checksum_of(data: bytes) -> str:
    fd, path = tempfile.mkstemp()
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        out = subprocess.run(["sha256sum", path], capture_output=True, text=True, check=True).stdout
        return out.split()[0]
    finally:
        os.remove(path)
