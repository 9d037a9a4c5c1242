import io
import tempfile
from typing import IO, Optional

COPY_BYTES = 1 << 18
STRBUF_LIMIT = 8192


class FileBasedBuffer:
    remain = 0

    def __init__(self, file: IO[bytes], from_buffer: Optional["FileBasedBuffer"] = None) -> None:
        self.file = file
        if from_buffer is not None:
            from_file = from_buffer.getfile()
            read_pos = from_file.tell()
            from_file.seek(0)
            while True:
                data = from_file.read(COPY_BYTES)
                if not data:
                    break
                file.write(data)
            self.remain = int(file.tell() - read_pos)
            from_file.seek(read_pos)
            file.seek(read_pos)

    def __len__(self) -> int:
        return self.remain

    def append(self, s: bytes) -> None:
        read_pos = self.file.tell()
        self.file.seek(0, 2)
        self.file.write(s)
        self.file.seek(read_pos)
        self.remain += len(s)

    def get(self, numbytes: int = -1) -> bytes:
        read_pos = self.file.tell()
        res = self.file.read() if numbytes < 0 else self.file.read(numbytes)
        self.file.seek(read_pos)
        return res

    def getfile(self) -> IO[bytes]:
        return self.file

    def close(self) -> None:
        self.file.close()
        self.remain = 0


class BytesIOBasedBuffer(FileBasedBuffer):
    def __init__(self, from_buffer: Optional[FileBasedBuffer] = None) -> None:
        super().__init__(io.BytesIO(), from_buffer)


class TempfileBasedBuffer(FileBasedBuffer):
    def __init__(self, from_buffer: Optional[FileBasedBuffer] = None) -> None:
        super().__init__(tempfile.TemporaryFile("w+b"), from_buffer)


class OverflowableBuffer:
    overflowed = False
    buf: Optional[FileBasedBuffer] = None
    strbuf = b""

    def __init__(self, overflow: int) -> None:
        self.overflow = overflow

    def _create_buffer(self) -> FileBasedBuffer:
        if len(self.strbuf) >= self.overflow:
            self._set_large_buffer()
        else:
            self._set_small_buffer()
        buf = self.buf
        if self.strbuf:
            buf.append(self.strbuf)
            self.strbuf = b""
        return buf

    def _set_small_buffer(self) -> None:
        self.buf = BytesIOBasedBuffer(self.buf)  # LEAK
        self.overflowed = False

    def _set_large_buffer(self) -> None:
        self.buf = TempfileBasedBuffer(self.buf)  # LEAK
        self.overflowed = True

    def append(self, s: bytes) -> None:
        buf = self.buf
        if buf is None:
            if len(self.strbuf) + len(s) < STRBUF_LIMIT:
                self.strbuf += s
                return
            buf = self._create_buffer()
        buf.append(s)
        if not self.overflowed and len(buf) >= self.overflow:
            self._set_large_buffer()

    def close(self) -> None:
        if self.buf is not None:
            self.buf.close()
