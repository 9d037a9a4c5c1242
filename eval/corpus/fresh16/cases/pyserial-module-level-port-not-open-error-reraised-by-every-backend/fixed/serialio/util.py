import time
from typing import Optional


class SerialException(IOError):
    pass


class SerialTimeoutException(SerialException):
    pass


class PortNotOpenError(SerialException):
    def __init__(self) -> None:
        super().__init__("Attempting to use a port that is not open")


class Timeout:
    def __init__(self, duration: Optional[float]) -> None:
        self.duration = duration
        self.deadline = None if duration is None else time.monotonic() + duration

    def expired(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline


class SerialBase:
    def __init__(self) -> None:
        self.is_open = False

    def send_break(self, duration: float = 0.25) -> None:
        if not self.is_open:
            raise PortNotOpenError()
        time.sleep(duration)
