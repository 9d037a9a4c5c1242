import logging
import pickle
import struct
from typing import IO, Any, Optional, Set, Tuple

log = logging.getLogger(__name__)


class ConnectionError_(Exception):
    pass


class LowLevelPipeConnection:
    """Frames pickled objects over a pair of pipes."""

    def __init__(self, inpipe: Optional[IO[bytes]], outpipe: Optional[IO[bytes]]) -> None:
        self.inpipe = inpipe
        self.outpipe = outpipe

    def _put(self, obj: Any, req_num: int) -> None:
        assert self.outpipe is not None
        data = pickle.dumps(obj)
        self.outpipe.write(struct.pack(">BQ", req_num, len(data)) + data)
        self.outpipe.flush()

    def _get(self) -> Tuple[int, Any]:
        assert self.inpipe is not None
        header = self.inpipe.read(9)
        if len(header) < 9:
            raise ConnectionError_("truncated header")
        req_num, length = struct.unpack(">BQ", header)
        return req_num, pickle.loads(self.inpipe.read(length))

    def _putquit(self) -> None:
        self._put(("quit",), 255)

    def _close(self) -> None:
        if self.outpipe is not None:
            self.outpipe.close()
        if self.inpipe is not None:
            self.inpipe.close()


class PipeConnection(LowLevelPipeConnection):
    def __init__(self, inpipe: Optional[IO[bytes]], outpipe: Optional[IO[bytes]],
                 conn_number: int = 0) -> None:
        super().__init__(inpipe, outpipe)
        self.conn_number = conn_number
        self.unused_request_numbers: Set[int] = set(range(255))

    def __str__(self) -> str:
        return "PipeConnection %d" % self.conn_number

    def call(self, name: str, *args: Any) -> Any:
        req_num = self.unused_request_numbers.pop()
        try:
            self._put((name, args), req_num)
            got_num, result = self._get()
            if got_num != req_num:
                raise ConnectionError_("unexpected response %d" % got_num)
            return result
        finally:
            self.unused_request_numbers.add(req_num)

    def quit(self) -> None:
        """Tell the server side to quit and close the pipes."""
        self._putquit()
        self._get()
        self._close()
