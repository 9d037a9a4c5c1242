import gzip
from typing import Iterator, Tuple


def iter_lines(path: str) -> Iterator[Tuple[int, bytes]]:
    if path.endswith(".gz"):
        for number, line in enumerate(gzip.open(path, "rb"), start=1):  # LEAK
            yield number, line.rstrip()
    else:
        for number, line in enumerate(open(path, "rb"), start=1):  # LEAK
            yield number, line.rstrip()


def wipe(path: str) -> None:
    open(path, "w")  # LEAK
