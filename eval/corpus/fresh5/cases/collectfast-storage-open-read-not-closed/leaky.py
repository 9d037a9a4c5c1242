from __future__ import annotations

import gzip
import hashlib
import os
from typing import IO


class FileSystemStorage:
    def __init__(self, location: str) -> None:
        self.location = location

    def open(self, name: str, mode: str = "rb") -> IO[bytes]:
        return open(os.path.join(self.location, name), mode)


class HashStrategy:
    use_gzip = False

    def get_local_file_hash(self, path: str, local_storage: FileSystemStorage) -> str:
        """Create md5 hash from file contents."""
        contents = local_storage.open(path).read()  # LEAK
        if self.use_gzip:
            contents = gzip.compress(contents, mtime=0)
        return hashlib.md5(contents).hexdigest()
