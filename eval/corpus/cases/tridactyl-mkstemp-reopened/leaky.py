from __future__ import annotations

import tempfile


def write_temp(content: str) -> str:
    (handle, filepath) = tempfile.mkstemp()  # LEAK
    with open(filepath, "w") as out:
        out.write(content)
    return filepath
