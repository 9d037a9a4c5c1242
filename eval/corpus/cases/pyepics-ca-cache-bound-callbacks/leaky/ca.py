from __future__ import annotations

_cache: dict = {}  # LEAK


def create_channel(pvname: str, callback=None) -> int:
    chid = len(_cache) + 1
    _cache[pvname] = {"chid": chid, "callbacks": [callback] if callback else []}
    return chid


def clear_channel(pvname: str) -> None:
    _cache.pop(pvname, None)
