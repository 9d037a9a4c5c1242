from __future__ import annotations

from collections import OrderedDict

_MAX_ENTRIES = 512
_cache: "OrderedDict[str, bytes]" = OrderedDict()


def load(path: str) -> bytes:
    if path in _cache:
        _cache.move_to_end(path)
        return _cache[path]
    with open(path, "rb") as handle:
        data = handle.read()
    _cache[path] = data
    if len(_cache) > _MAX_ENTRIES:
        _cache.popitem(last=False)
    return data
