from contextlib import contextmanager
from io import RawIOBase
from typing import Any, Iterator, Optional, Tuple

from .transfer import send_ranged_get


class NetworkGlitch(Exception):
    pass


@contextmanager
def chunks_of(http: Any, url: str, chunk_size: int = 65536, pos: int = 0) -> Iterator[Tuple[Any, Iterator[bytes]]]:
    def pieces(response: Any) -> Iterator[bytes]:
        nonlocal pos
        try:
            while True:
                if response.status_code == 416:
                    return
                response.raise_for_status()
                try:
                    for piece in response.iter_bytes(chunk_size=chunk_size):
                        pos += len(piece)
                        yield piece
                    break
                except NetworkGlitch:
                    response.close()
                    response = send_ranged_get(http, url, pos=pos)
        finally:
            response.close()

    response = send_ranged_get(http, url, pos=pos)  # LEAK
    stream = pieces(response)
    try:
        yield response, stream
    finally:
        stream.close()


class RemoteReader(RawIOBase):
    def __init__(self, http: Any, url: str) -> None:
        super().__init__()
        self._cm = chunks_of(http, url)
        self._pieces: Optional[Iterator[bytes]] = None
        self.first_response: Any = None

    def __enter__(self) -> "RemoteReader":
        self.first_response, self._pieces = self._cm.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        if not self.closed:
            self._cm.__exit__(None, None, None)
        super().close()

    def readable(self) -> bool:
        return True

    def read_all(self) -> bytes:
        assert self._pieces is not None
        return b"".join(self._pieces)
