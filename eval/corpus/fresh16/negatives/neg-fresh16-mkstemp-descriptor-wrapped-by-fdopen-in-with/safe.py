import os
import tempfile
from typing import Any, Iterator, Tuple


def download(client: Any, bucket: str, key: str) -> str:
    descriptor, path = tempfile.mkstemp(suffix=".part")
    with os.fdopen(descriptor, "wb") as sink:
        client.download_fileobj(bucket, key, sink)
    return path


def numbered_lines(path: str) -> Iterator[Tuple[int, bytes]]:
    with open(path, "rb") as source:
        for number, line in enumerate(source, start=1):
            yield number, line.rstrip()
