from __future__ import annotations

import contextlib
import io
import zipfile
from typing import Iterator, TextIO


@contextlib.contextmanager
def open_member(archive_path: str, member: str) -> Iterator[TextIO]:
    with zipfile.ZipFile(archive_path) as archive:
        with archive.open(member) as raw:
            with io.TextIOWrapper(raw, encoding="utf-8") as text:
                yield text


def first_line(archive_path: str, member: str) -> str:
    with open_member(archive_path, member) as handle:
        return handle.readline()
