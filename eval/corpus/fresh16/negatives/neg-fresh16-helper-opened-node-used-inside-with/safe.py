import os
import pathlib
from typing import IO, Iterator, List


def open_node(path: str) -> IO[bytes]:
    return open(path, "rb", buffering=0, opener=lambda p, flags: os.open(p, flags | os.O_NONBLOCK))


def _is_capture(node: pathlib.Path) -> bool:
    with open_node(str(node)) as handle:
        word = handle.read(4)
    return bool(int.from_bytes(word or b"\0", "little") & 1)


def capture_nodes(root: str = "/dev") -> List[str]:
    nodes: Iterator[pathlib.Path] = pathlib.Path(root).glob("video*")
    return [str(node) for node in nodes if _is_capture(node)]
