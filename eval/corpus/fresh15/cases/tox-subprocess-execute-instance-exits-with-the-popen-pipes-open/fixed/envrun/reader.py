import os
import threading
from types import TracebackType
from typing import Callable, Optional, Type


class ReadViaThread:
    """Copy everything written to a file descriptor to a handler, from a thread."""

    def __init__(self, file_no: int, handler: Callable[[bytes], None], name: str, drain: bool = True) -> None:
        self.file_no = file_no
        self.handler = handler
        self.drain = drain
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._read_stream, name="tox-r-%s" % name, daemon=True)

    def __enter__(self) -> "ReadViaThread":
        self.thread.start()
        return self

    def __exit__(self, exc_type: Optional[Type[BaseException]], exc_val: Optional[BaseException],
                 exc_tb: Optional[TracebackType]) -> None:
        self.stop.set()
        self.thread.join()
        if self.drain:
            self._drain_stream()

    def _read_stream(self) -> None:
        while not self.stop.is_set():
            try:
                data = os.read(self.file_no, 1024)
            except OSError:
                break
            if not data:
                break
            self.handler(data)

    def _drain_stream(self) -> None:
        os.set_blocking(self.file_no, False)
        while True:
            try:
                data = os.read(self.file_no, 1024)
            except (BlockingIOError, OSError):
                break
            if not data:
                break
            self.handler(data)
