from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def temporary_directory(*args, **kwargs) -> Iterator[str]:
    try:
        from tempfile import TemporaryDirectory

        with TemporaryDirectory(*args, **kwargs) as name:
            yield name
    except ImportError:
        name = tempfile.mkdtemp(*args, **kwargs)
        try:
            yield name
        finally:
            shutil.rmtree(name)
