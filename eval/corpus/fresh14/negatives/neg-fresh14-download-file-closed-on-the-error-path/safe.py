from typing import BinaryIO, Iterable, Optional


class Transfer:
    def __init__(self, target: str) -> None:
        self.target = target
        self.fileobj: Optional[BinaryIO] = None
        self.error: Optional[str] = None

    def start(self) -> None:
        self.fileobj = open(self.target, "wb")

    def feed(self, chunks: Iterable[bytes]) -> None:
        assert self.fileobj is not None
        try:
            for chunk in chunks:
                self.fileobj.write(chunk)
        except OSError as e:
            self._fail(str(e))
            return
        self._close_file()

    def cancel(self) -> None:
        self._close_file()

    def _fail(self, msg: str) -> None:
        self.error = msg
        self._close_file()

    def _close_file(self) -> None:
        if self.fileobj is not None:
            self.fileobj.close()
            self.fileobj = None
