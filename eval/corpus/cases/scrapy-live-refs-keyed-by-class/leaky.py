from __future__ import annotations

import time
from collections import defaultdict
from weakref import WeakKeyDictionary

live_refs: "defaultdict[type, WeakKeyDictionary]" = defaultdict(WeakKeyDictionary)  # LEAK


class ObjectRef:
    __slots__ = ("__weakref__",)

    def __new__(cls, *args, **kwargs):
        obj = object.__new__(cls)
        live_refs[cls][obj] = time.time()  # LEAK
        return obj
