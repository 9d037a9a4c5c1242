from __future__ import annotations

import weakref


class WeakMemberList:
    """A sequence of weakly held members that drops each member when it dies."""

    def __init__(self, __elements=()) -> None:
        self._storage = [  # LEAK
            weakref.ref(element, self._remove) for element in __elements  # LEAK
        ]

    def append(self, item) -> None:
        self._storage.append(weakref.ref(item, self._remove))  # LEAK

    def _remove(self, ref) -> None:
        self._storage.remove(ref)

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
