import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import typing as t
from io import StringIO
from pathlib import Path


def _best_encoding(stream: t.TextIO) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


@contextlib.contextmanager
def _nullpager(stream: t.TextIO, color: t.Optional[bool]) -> t.Iterator[t.Tuple[t.TextIO, str, bool]]:
    yield stream, _best_encoding(stream), bool(color)


@contextlib.contextmanager
def tempfile_pager(cmd_parts: t.List[str], color: t.Optional[bool] = None) -> t.Iterator[t.Tuple[t.TextIO, str, bool]]:
    """Page text by running a program on a temporary file."""
    cmd_filepath = shutil.which(cmd_parts[0]) if cmd_parts else None
    if not cmd_filepath:
        with _nullpager(sys.stdout or StringIO(), color) as rv:
            yield rv
        return

    cmd_path = Path(cmd_filepath).absolute()
    encoding = _best_encoding(sys.stdout)
    # another process cannot open a NamedTemporaryFile that is still open on
    # Windows: keep it on disk and remove it by hand
    f = tempfile.NamedTemporaryFile(mode="w", delete=False)  # LEAK
    try:
        yield t.cast(t.TextIO, f), encoding, bool(color)
        f.flush()
        f.close()
        subprocess.call([str(cmd_path), *cmd_parts[1:], f.name])
    finally:
        os.unlink(f.name)


def echo_via_pager(lines: t.Iterable[str], cmd: str = "less") -> None:
    with tempfile_pager(cmd.split()) as (stream, _encoding, _color):
        for line in lines:
            stream.write(line)
