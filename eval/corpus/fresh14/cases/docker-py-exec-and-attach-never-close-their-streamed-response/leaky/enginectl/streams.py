import socket as socket_module
import struct
from typing import Any, Iterator, List, Tuple, Union

HEADER_SIZE = 8


def _read_exactly(sock: Any, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data)) if isinstance(sock, socket_module.socket) else sock.read(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def frames(sock: Any, tty: bool) -> Iterator[Tuple[int, bytes]]:
    if tty:
        while True:
            data = _read_exactly(sock, 4096)
            if not data:
                return
            yield 1, data
    while True:
        header = _read_exactly(sock, HEADER_SIZE)
        if len(header) < HEADER_SIZE:
            return
        stream_id, length = struct.unpack(">BxxxL", header)
        yield stream_id, _read_exactly(sock, length)


def join_output(chunks: Iterator[Any], demux: bool) -> Union[bytes, Tuple[bytes, bytes]]:
    if not demux:
        return b"".join(chunks)
    out: List[bytes] = []
    err: List[bytes] = []
    for stdout, stderr in chunks:
        if stdout:
            out.append(stdout)
        if stderr:
            err.append(stderr)
    return b"".join(out), b"".join(err)


class CancellableStream:
    """Iterates over a streamed output and closes its response when closed."""

    def __init__(self, stream: Iterator[Any], response: Any) -> None:
        self._stream = stream
        self._response = response

    def __iter__(self) -> "CancellableStream":
        return self

    def __next__(self) -> Any:
        try:
            return next(self._stream)
        except StopIteration:
            self.close()
            raise

    def close(self) -> None:
        self._response.close()
