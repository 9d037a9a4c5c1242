import os
from typing import Optional

from .util import SerialBase, Timeout, port_not_open_error, write_timeout_error


class Serial(SerialBase):
    def __init__(self, fd: Optional[int] = None, write_timeout: Optional[float] = None) -> None:
        super().__init__()
        self.fd = fd
        self.is_open = fd is not None
        self.write_timeout = write_timeout

    def read(self, size: int = 1) -> bytes:
        if not self.is_open or self.fd is None:
            raise port_not_open_error  # LEAK
        return os.read(self.fd, size)

    def write(self, data: bytes) -> int:
        if not self.is_open or self.fd is None:
            raise port_not_open_error  # LEAK
        timeout = Timeout(self.write_timeout)
        written = 0
        while written < len(data):
            if timeout.expired():
                raise write_timeout_error  # LEAK
            written += os.write(self.fd, data[written:])
        return written
