import os
from typing import Optional

from .util import PortNotOpenError, SerialBase, SerialTimeoutException, Timeout


class Serial(SerialBase):
    def __init__(self, fd: Optional[int] = None, write_timeout: Optional[float] = None) -> None:
        super().__init__()
        self.fd = fd
        self.is_open = fd is not None
        self.write_timeout = write_timeout

    def read(self, size: int = 1) -> bytes:
        if not self.is_open or self.fd is None:
            raise PortNotOpenError()
        return os.read(self.fd, size)

    def write(self, data: bytes) -> int:
        if not self.is_open or self.fd is None:
            raise PortNotOpenError()
        timeout = Timeout(self.write_timeout)
        written = 0
        while written < len(data):
            if timeout.expired():
                raise SerialTimeoutException("Write timeout")
            written += os.write(self.fd, data[written:])
        return written
