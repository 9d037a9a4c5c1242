from pathlib import Path
from typing import IO, Optional


class Upload:
    def __init__(self, handle: IO[bytes], filename: Optional[str] = None) -> None:
        self.content = handle.read()
        self.filename = filename or Path(getattr(handle, "name", "upload")).name


def upload_from_path(path: str) -> Upload:
    with Path(path).open("rb") as handle:
        return Upload(handle)
