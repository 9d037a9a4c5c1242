import gzip
from typing import Iterator, Tuple


def iter_lines(path: str) -> Iterator[Tuple[int, bytes]]:
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as packed:
            for number, line in enumerate(packed, start=1):
                yield number, line.rstrip()
    else:
        with open(path, "rb") as plain:
            for number, line in enumerate(plain, start=1):
                yield number, line.rstrip()


def wipe(path: str) -> None:
    with open(path, "w"):
        pass
