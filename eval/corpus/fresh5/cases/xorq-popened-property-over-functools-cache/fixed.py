from __future__ import annotations

import functools
import io
import subprocess
from typing import Sequence, Tuple


class Peeker:
    def __init__(self, stream) -> None:
        self.stream = stream
        self.buf = io.BytesIO()

    def peek(self, size: int) -> bytes:
        data = self.stream.read(size)
        self.buf.write(data)
        self.buf.seek(0)
        return data


class Popened:
    def __init__(self, args: Sequence[str], kwargs_tuple: Tuple[Tuple[str, object], ...] = ()) -> None:
        self.args = tuple(args)
        self.kwargs_tuple = kwargs_tuple

    @property
    def kwargs(self) -> dict:
        return dict(self.kwargs_tuple)

    @functools.cached_property
    def popen(self) -> subprocess.Popen:
        return subprocess.Popen(self.args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **self.kwargs)

    @functools.cached_property
    def stdout_peeker(self) -> Peeker:
        return Peeker(self.popen.stdout)

    def peek_stdout(self, size: int) -> bytes:
        return self.stdout_peeker.peek(size)

    @functools.cached_property
    def communicated(self) -> Tuple[bytes, bytes]:
        peeked = self.stdout_peeker.buf.read()
        out, err = self.popen.communicate()
        return peeked + out, err
