from __future__ import annotations

import weakref


class WeakMembers:
    def __init__(self) -> None:
        remove = weakref.WeakMethod(self._remove)

        def on_dead(ref) -> None:
            method = remove()
            if method is not None:
                method(ref)

        self._on_dead = on_dead
        self._refs: list = []

    def add(self, item) -> None:
        self._refs.append(weakref.ref(item, self._on_dead))

    def _remove(self, ref) -> None:
        self._refs.remove(ref)

    def __iter__(self):
        return (obj for obj in (ref() for ref in self._refs) if obj is not None)
