from __future__ import annotations

import threading
from collections import OrderedDict

MAX_ENTRIES = 256
_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def remember(url: str, body: bytes) -> None:
    with _lock:
        _cache[url] = body
        _cache.move_to_end(url)
        while len(_cache) > MAX_ENTRIES:
            _cache.popitem(last=False)


def recall(url: str):
    with _lock:
        body = _cache.get(url)
        if body is not None:
            _cache.move_to_end(url)
        return body
