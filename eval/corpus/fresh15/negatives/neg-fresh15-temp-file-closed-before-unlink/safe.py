import contextlib
import os
import subprocess
import tempfile
from typing import Iterator, List, TextIO


@contextlib.contextmanager
def paged_file(cmd: List[str]) -> Iterator[TextIO]:
    f = tempfile.NamedTemporaryFile(mode="w", delete=False)
    try:
        yield f
        f.close()
        subprocess.call([*cmd, f.name])
    finally:
        f.close()
        os.unlink(f.name)
