from typing import IO, Iterable, Optional


class Node:
    def __init__(self, path: str) -> None:
        self.path = path
        self._stream: Optional[IO[bytes]] = None

    def stream(self) -> IO[bytes]:
        if self._stream is None:
            self._stream = open(self.path, "rb")
        return self._stream

    def close_stream(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None


def check(node: Node, checkers: Iterable) -> None:
    try:
        for checker in checkers:
            checker.process(node.stream())
    finally:
        node.close_stream()
