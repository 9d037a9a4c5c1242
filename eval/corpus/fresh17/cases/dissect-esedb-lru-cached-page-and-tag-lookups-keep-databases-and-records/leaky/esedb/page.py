from typing import Any


class Page:
    def __init__(self, db: Any, num: int, buf: bytes) -> None:
        self.db = db
        self.num = num
        self.buf = buf

    def tag_count(self) -> int:
        return int.from_bytes(self.buf[0:2], "little") if len(self.buf) >= 2 else 0
