from typing import IO, Any


class FileSink:
    def __init__(self, handle: IO[str], prefix: str = "", suffix: str = "\n") -> None:
        self.handle = handle
        self.prefix = prefix
        self.suffix = suffix

    def contribute(self, value: Any) -> None:
        self.handle.write(self.prefix + str(value) + self.suffix)
