from __future__ import annotations

import os
import tempfile


def write_temp(content: str) -> str:
    (handle, filepath) = tempfile.mkstemp()
    with os.fdopen(handle, "w") as out:
        out.write(content)
    return filepath
