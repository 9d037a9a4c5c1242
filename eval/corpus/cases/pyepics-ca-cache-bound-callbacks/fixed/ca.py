from __future__ import annotations

import weakref

_cache: dict = {}


def _weak_callback(callback):
    if hasattr(callback, "__self__"):
        return weakref.WeakMethod(callback)
    return lambda: callback


def create_channel(pvname: str, callback=None) -> int:
    chid = len(_cache) + 1
    _cache[pvname] = {"chid": chid, "callbacks": [_weak_callback(callback)] if callback else []}
    return chid


def clear_channel(pvname: str) -> None:
    _cache.pop(pvname, None)
