from __future__ import annotations

import time
from weakref import WeakKeyDictionary

live_refs: "WeakKeyDictionary[type, WeakKeyDictionary]" = WeakKeyDictionary()


class ObjectRef:
    __slots__ = ("__weakref__",)

    def __new__(cls, *args, **kwargs):
        obj = object.__new__(cls)
        live_refs.setdefault(cls, WeakKeyDictionary())[obj] = time.time()
        return obj
