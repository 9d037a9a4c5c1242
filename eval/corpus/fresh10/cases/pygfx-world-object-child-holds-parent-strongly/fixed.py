from __future__ import annotations

import weakref
from typing import Callable, List, Optional


class WorldObject:
    def __init__(self, geometry=None, material=None, *, visible: bool = True) -> None:
        self.geometry = geometry
        self.material = material
        self._visible = visible
        # init parent and children
        self._parent_ref: Optional[weakref.ref] = None
        self._children: List["WorldObject"] = []
        self._matrix_world_dirty = True

    @property
    def parent(self) -> Optional["WorldObject"]:
        """Object's parent in the scene graph (read-only)."""
        return self._parent_ref and self._parent_ref()

    @property
    def children(self) -> tuple:
        return tuple(self._children)

    def add(self, *objects: "WorldObject") -> "WorldObject":
        for obj in objects:
            # orphan if needed
            if obj._parent_ref is not None:
                obj._parent_ref().remove(obj)
            # attach to scene graph
            obj._parent_ref = weakref.ref(self)
            self._children.append(obj)
            obj._matrix_world_dirty = True
        return self

    def remove(self, *objects: "WorldObject") -> "WorldObject":
        for obj in objects:
            try:
                self._children.remove(obj)
                obj._parent_ref = None
            except ValueError:
                pass
        return self

    def traverse(self, callback: Callable[["WorldObject"], None], skip_invisible: bool = False) -> None:
        if skip_invisible and not self._visible:
            return
        callback(self)
        for child in self._children:
            child.traverse(callback, skip_invisible)
