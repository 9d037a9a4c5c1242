from __future__ import annotations

import weakref
from typing import Dict


class ResourceManager(object):
    """Closes a resource when the object it was registered with is collected."""

    def __init__(self) -> None:
        self._table: Dict[int, weakref.ref] = {}

    def register(self, obj: object, resource) -> None:
        def callback(ref: weakref.ref) -> None:
            try:
                resource.close()
            except Exception:
                pass
            del self._table[id(resource)]

        # keep the weakref in a table so it lives long enough for its callback
        self._table[id(resource)] = weakref.ref(obj, callback)


# singleton
ResourceManager = ResourceManager()
