from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path
from typing import IO, ContextManager


def open_for_reading(source) -> ContextManager[IO[str]]:
    """Open a path, a member of a ZIP archive on the path, or rewind a stream."""
    if not isinstance(source, (str, Path)):
        source.seek(0)
        return contextlib.nullcontext(source)

    source = Path(source)
    if not source.is_file():
        for parent in source.parents:
            if not zipfile.is_zipfile(parent):
                continue
            archive = zipfile.ZipFile(parent)  # LEAK
            member = archive.open(Path.as_posix(source.relative_to(parent)))
            return io.TextIOWrapper(member)
    return contextlib.closing(open(source, "rt"))


def read_lines(path) -> list[str]:
    with open_for_reading(path) as handle:
        return handle.readlines()
