import fcntl
import os
from typing import Any, Optional

QUERY_CAPS = 0x80685600
CAPTURE = 0x00000001


def query_caps(fd: int) -> bytearray:
    caps = bytearray(104)
    fcntl.ioctl(fd, QUERY_CAPS, caps)
    return caps


def capabilities_of(caps: bytearray) -> int:
    return int.from_bytes(caps[84:88], "little")


class Camera:
    def __init__(self, filename: str) -> None:
        self._level = 0
        self._fd: Optional[int] = os.open(filename, os.O_RDWR | os.O_NONBLOCK)  # LEAK
        self.capabilities = capabilities_of(query_caps(self._fd))
        self.filename = filename

    def __enter__(self) -> "Camera":
        self._level += 1
        return self

    def __exit__(self, *exc: Any) -> None:
        self._level -= 1
        if not self._level:
            self.close()

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def fileno(self) -> Optional[int]:
        return self._fd
