from __future__ import annotations

import weakref


class WeakMemberList:
    """A sequence of weakly held members that drops each member when it dies."""

    def __init__(self, __elements=()) -> None:
        # the callback reaches the list through a weak reference, not a bound method
        def _remove(item, selfref=weakref.ref(self)):
            self = selfref()
            if self is not None:
                self._storage.remove(item)

        self._remove = _remove
        self._storage = [weakref.ref(element, _remove) for element in __elements]

    def append(self, item) -> None:
        self._storage.append(weakref.ref(item, self._remove))

    def __len__(self) -> int:
        return len(self._storage)

    def __iter__(self):
        return (obj for obj in (ref() for ref in self._storage) if obj is not None)

    def __getitem__(self, index):
        try:
            ref = self._storage[index]
        except KeyError:
            raise IndexError(f"index {index} out of range")
        return ref()
