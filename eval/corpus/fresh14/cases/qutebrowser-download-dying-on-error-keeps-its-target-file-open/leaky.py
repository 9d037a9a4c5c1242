import io
import shutil
from typing import BinaryIO, Callable, List, Optional


class Reply:
    """Stand-in for the network reply a download reads from."""

    def __init__(self, chunks: List[bytes]) -> None:
        self._chunks = chunks
        self.aborted = False

    def read_all(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks = []
        return data

    def is_finished(self) -> bool:
        return not self._chunks

    def abort(self) -> None:
        self.aborted = True

    def error_string(self) -> str:
        return "connection reset"


class Download:
    def __init__(self, reply: Reply, on_error: Callable[[str], None]) -> None:
        self.reply: Optional[Reply] = reply
        self.fileobj: Optional[BinaryIO] = None
        self.done = False
        self.error_msg: Optional[str] = None
        self._filename: Optional[str] = None
        self._buffer = io.BytesIO()
        self._on_error = on_error

    def set_filename(self, filename: str) -> None:
        self._filename = filename
        self._create_fileobj()

    def _create_fileobj(self) -> None:
        assert self._filename is not None
        try:
            fileobj = open(self._filename, "wb")  # LEAK
        except OSError as e:
            self._die(e.strerror)
        else:
            self.set_fileobj(fileobj)

    def set_fileobj(self, fileobj: BinaryIO) -> None:
        if self.fileobj is not None:
            raise ValueError("file object already set")
        self.fileobj = fileobj
        try:
            self._buffer.seek(0)
            shutil.copyfileobj(self._buffer, fileobj)
            self._buffer.close()
            if self.reply is not None and self.reply.is_finished():
                self.finish()
            else:
                self.on_ready_read()
        except OSError as e:
            self._die(e.strerror)

    def on_ready_read(self) -> None:
        if self.fileobj is None or self.reply is None:
            return
        try:
            self.fileobj.write(self.reply.read_all())
        except OSError as e:
            self._die(e.strerror)

    def on_reply_error(self) -> None:
        assert self.reply is not None
        self._die(self.reply.error_string())

    def finish(self) -> None:
        assert self.fileobj is not None and self.reply is not None
        self.fileobj.write(self.reply.read_all())
        self.fileobj.close()
        self.reply = None
        self.done = True

    def cancel(self) -> None:
        if self.reply is not None:
            self.reply.abort()
            self.reply = None
        if self.fileobj is not None:
            self.fileobj.close()
        self.done = True

    def _die(self, msg: Optional[str]) -> None:
        self.error_msg = msg
        self._on_error(msg or "")
        if self.reply is not None:
            self.reply.abort()
            self.reply = None
        self.done = True
