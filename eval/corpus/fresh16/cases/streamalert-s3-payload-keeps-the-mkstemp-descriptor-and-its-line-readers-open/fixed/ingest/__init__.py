from typing import Any, Iterator, Tuple

from .fetch import download_to_scratch
from .lines import iter_lines, wipe


class BucketPayload:
    def __init__(self, client: Any, bucket: str, key: str) -> None:
        self.client = client
        self.bucket = bucket
        self.key = key

    def records(self) -> Iterator[Tuple[int, bytes]]:
        path = download_to_scratch(self.client, self.bucket, self.key)
        for number, line in iter_lines(path):
            yield number, line
        wipe(path)
