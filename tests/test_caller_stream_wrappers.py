"""LKL301: an archive or compression wrapper over a file object the caller passed in holds no
descriptor of its own. Functions that take a path or a file object say which one they have where
they open it: an `if hasattr(x, "read")` / `isinstance(x, io.IOBase)` arm, the other arm of an
`isinstance(x, (str, os.PathLike))` test, an early `raise` for objects without `read`, or a file
annotation (`stream: BinaryIO`). Sample 18: 4 false `ZipFile` findings over the caller's stream.
The arm where the parameter is a path, and a parameter nothing says anything about, stay reported."""

from __future__ import annotations

import pytest

from conftest import findings_by_line

_HEAD = "import bz2\nimport io\nimport os\nimport zipfile\nfrom typing import BinaryIO, IO, Optional\n\n\n"

QUIET = {
    "hasattr arm": (
        "def listing(blob):\n    if hasattr(blob, 'seek'):\n        book = zipfile.ZipFile(blob)\n"
        "    else:\n        book = zipfile.ZipFile(io.BytesIO(blob))\n    return book.namelist()\n"
    ),
    "isinstance arm": (
        "def listing(src):\n    if isinstance(src, (io.RawIOBase, io.BufferedIOBase)):\n"
        "        return zipfile.ZipFile(src).namelist()\n    return []\n"
    ),
    "not a path": (
        "def listing(src):\n    if not isinstance(src, (str, bytes, os.PathLike)):\n"
        "        book = zipfile.ZipFile(src)\n        return book.namelist()\n    return []\n"
    ),
    "elif arm": (
        "def listing(src):\n    if src is None:\n        return []\n    elif hasattr(src, 'read') and src.readable():\n"
        "        book = zipfile.ZipFile(src)\n        return book.namelist()\n    return None\n"
    ),
    "else of a path test": (
        "def listing(src):\n    if isinstance(src, str):\n        return None\n    else:\n"
        "        book = zipfile.ZipFile(src)\n        return book.namelist()\n"
    ),
    "early raise": (
        "def listing(handle):\n    if not hasattr(handle, 'read'):\n        raise TypeError(handle)\n"
        "    book = zipfile.ZipFile(handle)\n    return book.namelist()\n"
    ),
    "assert": (
        "def listing(handle):\n    assert isinstance(handle, io.IOBase)\n"
        "    book = zipfile.ZipFile(handle)\n    return book.namelist()\n"
    ),
    "annotation": "def listing(handle: BinaryIO):\n    book = zipfile.ZipFile(handle)\n    return book.namelist()\n",
    "optional annotation": (
        "def listing(handle: Optional[IO[bytes]]):\n    book = zipfile.ZipFile(handle)\n    return book.namelist()\n"
    ),
    # the module calls it with an open file: the parameter holds a file object (sample 20)
    "called with an open file": (
        "class Reader:\n    def load(self, path):\n        return self._listing(fileObj=open(path, 'rb'))\n\n"
        "    def _listing(self, fileObj):\n        book = zipfile.ZipFile(fileObj)\n        return book.namelist()\n"
    ),
    "called positionally with an open file": (
        "def load(path):\n    return listing(open(path, 'rb'))\n\n\n"
        "def listing(handle):\n    book = zipfile.ZipFile(handle)\n    return book.namelist()\n"
    ),
    # the name is also given an instance of the module's own file-like class
    "assigned a file-like object": (
        "class Blob:\n    def read(self, n=-1):\n        return b''\n\n    def seek(self, n, whence=0):\n        return 0\n\n\n"
        "def listing(refs):\n    for handle, name in refs:\n        if not handle:\n            handle = Blob()\n"
        "        book = zipfile.ZipFile(handle)\n        return book.read(name)\n"
    ),
    "attribute holding an open file": (
        "class Reader:\n    def __init__(self, path):\n        self._fp = open(path, 'rb')\n\n"
        "    def listing(self):\n        book = zipfile.ZipFile(self._fp)\n        return book.namelist()\n"
    ),
    "bz2 over a stream": (
        "def unpacked(handle):\n    if hasattr(handle, 'read'):\n        reader = bz2.BZ2File(handle)\n"
        "        return reader.read()\n    return b''\n"
    ),
}

REPORTED = {
    "path arm": (
        "def listing(src):\n    if isinstance(src, str):\n        book = zipfile.ZipFile(src)\n"
        "        return book.namelist()\n    return []\n"
    ),
    "else of a file test": (
        "def listing(src):\n    if hasattr(src, 'read'):\n        return []\n"
        "    book = zipfile.ZipFile(src)\n    return book.namelist()\n"
    ),
    "else arm of a file test": (
        "def listing(src):\n    if hasattr(src, 'read'):\n        return []\n    else:\n"
        "        book = zipfile.ZipFile(src)\n        return book.namelist()\n"
    ),
    "plain parameter": "def listing(path):\n    book = zipfile.ZipFile(path)\n    return book.namelist()\n",
    "path annotation": "def listing(path: str):\n    book = zipfile.ZipFile(path)\n    return book.namelist()\n",
    "union with a path": (
        "def listing(src: 'str | IO[bytes]'):\n    book = zipfile.ZipFile(src)\n    return book.namelist()\n"
    ),
    "another name tested": (
        "def listing(src, other):\n    if hasattr(other, 'read'):\n        book = zipfile.ZipFile(src)\n"
        "        return book.namelist()\n    return []\n"
    ),
    # called with a path: ZipFile opens it
    "called with a path": (
        "def load(path):\n    return listing(path + '.zip')\n\n\n"
        "def listing(handle):\n    book = zipfile.ZipFile(handle)\n    return book.namelist()\n"
    ),
    "attribute holding a path": (
        "class Reader:\n    def __init__(self, path):\n        self._fp = path\n\n"
        "    def listing(self):\n        book = zipfile.ZipFile(self._fp)\n        return book.namelist()\n"
    ),
    "bz2 over a path": "def unpacked(name):\n    reader = bz2.BZ2File(name)\n    return reader.read()\n",
}


def _line(source: str) -> int:
    return next(n for n, text in enumerate(source.splitlines(), 1)
                if ("ZipFile(" in text or "BZ2File(" in text) and "BytesIO" not in text)


@pytest.mark.parametrize("shape", sorted(QUIET))
def test_a_wrapper_over_the_callers_stream_is_not_reported(shape: str) -> None:
    source = _HEAD + QUIET[shape]
    assert _line(source) not in findings_by_line(source, "LKL301", "strict")


@pytest.mark.parametrize("shape", sorted(REPORTED))
def test_a_wrapper_that_may_open_a_path_is_reported(shape: str) -> None:
    source = _HEAD + REPORTED[shape]
    assert _line(source) in findings_by_line(source, "LKL301", "default")
