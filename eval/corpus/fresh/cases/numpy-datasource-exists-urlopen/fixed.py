from __future__ import annotations

import os
from urllib.error import URLError
from urllib.parse import urlparse
from urllib.request import urlopen


class DataSource:
    def __init__(self, destpath: str) -> None:
        self._destpath = destpath

    def _isurl(self, path: str) -> bool:
        scheme, netloc = urlparse(path)[:2]
        return bool(scheme and netloc)

    def abspath(self, path: str) -> str:
        parts = urlparse(path)
        return os.path.join(self._destpath, parts.netloc, parts.path.strip("/"))

    def exists(self, path: str) -> bool:
        if os.path.exists(self.abspath(path)):
            return True
        if self._isurl(path):
            try:
                netfile = urlopen(path)
                netfile.close()
                del netfile
                return True
            except URLError:
                return False
        return False
