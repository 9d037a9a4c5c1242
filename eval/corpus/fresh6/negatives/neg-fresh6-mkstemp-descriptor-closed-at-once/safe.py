from __future__ import annotations

import os
import subprocess
import tempfile


def edit_message(initial: str, editor: str = "vi") -> str:
    fd, path = tempfile.mkstemp(suffix=".txt")
    os.close(fd)
    try:
        with open(path, "w") as body:
            body.write(initial)
        subprocess.run([editor, path], check=True)
        with open(path) as body:
            return body.read().strip()
    finally:
        os.unlink(path)
