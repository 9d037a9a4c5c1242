import os
import tempfile
import zipfile


def pack(names: list) -> str:
    fd, path = tempfile.mkstemp(suffix=".zip")
    with os.fdopen(fd, "wb") as f:
        with zipfile.ZipFile(f, "w") as zf:
            for name in names:
                zf.writestr(name, name.encode("utf-8"))
    return path
