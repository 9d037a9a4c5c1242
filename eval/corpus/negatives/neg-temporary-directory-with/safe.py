from __future__ import annotations

import os
import tempfile


def scratch_size(data: bytes) -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "blob")
        with open(path, "wb") as handle:
            handle.write(data)
        return os.path.getsize(path)
