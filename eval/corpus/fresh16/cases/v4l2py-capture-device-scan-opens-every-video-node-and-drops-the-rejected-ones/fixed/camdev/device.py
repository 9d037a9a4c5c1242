import fcntl
import os
from typing import IO, Any, Optional

QUERY_CAPS = 0x80685600
CAPTURE = 0x00000001


def query_caps(fd: int) -> bytearray:
    caps = bytearray(104)
    fcntl.ioctl(fd, QUERY_CAPS, caps)
    return caps


def capabilities_of(caps: bytearray) -> int:
    return int.from_bytes(caps[84:88], "little")


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)


def open_node(path: str, rw: bool = False) -> IO[bytes]:
    return open(path, "rb+" if rw else "rb", buffering=0, opener=_nonblocking)


class Camera:
    def __init__(self, filename: str) -> None:
        self._level = 0
        self._file: Optional[IO[bytes]] = open_node(filename, rw=True)
        self.capabilities = capabilities_of(query_caps(self._file.fileno()))
        self.filename = filename

    def __enter__(self) -> "Camera":
        self._level += 1
        return self

    def __exit__(self, *exc: Any) -> None:
        self._level -= 1
        if not self._level:
            self.close()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def fileno(self) -> Optional[int]:
        return None if self._file is None else self._file.fileno()
