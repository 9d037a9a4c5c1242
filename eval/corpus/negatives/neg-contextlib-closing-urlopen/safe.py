from __future__ import annotations

import contextlib
import urllib.request


def fetch(url: str) -> bytes:
    with contextlib.closing(urllib.request.urlopen(url, timeout=10)) as response:
        return response.read()
