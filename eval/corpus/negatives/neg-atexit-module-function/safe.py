from __future__ import annotations

import atexit
import shutil
import tempfile

_scratch = tempfile.mkdtemp(prefix="app-")


def _remove_scratch() -> None:
    shutil.rmtree(_scratch, ignore_errors=True)


atexit.register(_remove_scratch)
