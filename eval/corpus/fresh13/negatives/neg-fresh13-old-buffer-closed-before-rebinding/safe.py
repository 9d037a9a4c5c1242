import io
import tempfile
from typing import IO


class GrowingBuffer:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.buf: IO[bytes] = io.BytesIO()

    def append(self, data: bytes) -> None:
        self.buf.write(data)
        if self.buf.tell() > self.limit and isinstance(self.buf, io.BytesIO):
            old = self.buf
            new = tempfile.TemporaryFile("w+b")
            new.write(old.getvalue())
            self.buf = new
            old.close()

    def close(self) -> None:
        self.buf.close()
