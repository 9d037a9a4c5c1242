from __future__ import annotations

import weakref


class Hdf5Node:
    """Abstract tree node with links to its children and to its parent."""

    def __init__(self, parent=None, populateAll: bool = False) -> None:
        self.__child = None
        self.__parent = None
        if parent is not None:
            self.__parent = weakref.ref(parent)
        if populateAll:
            self.__child = []
            self._populateChild(populateAll=True)

    @property
    def parent(self):
        """Parent of the node, or None if the node is a root."""
        if self.__parent is None:
            return None
        parent = self.__parent()
        if parent is None:
            self.__parent = parent
        return parent

    def setParent(self, parent) -> None:
        """Redefine the parent of the node (the new parent's children are not updated)."""
        if parent is None:
            self.__parent = None
        else:
            self.__parent = weakref.ref(parent)

    def appendChild(self, child) -> None:
        self.__initChild()
        self.__child.append(child)

    def removeChildAtIndex(self, index: int):
        self.__initChild()
        return self.__child.pop(index)

    def child(self, index: int):
        self.__initChild()
        return self.__child[index]

    def childCount(self) -> int:
        if self.__child is not None:
            return len(self.__child)
        return self._expectedChildCount()

    def __initChild(self) -> None:
        if self.__child is None:
            self.__child = []
            self._populateChild()

    def _expectedChildCount(self) -> int:
        return 0

    def _populateChild(self, populateAll: bool = False) -> None:
        pass


class Hdf5Item(Hdf5Node):
    def __init__(self, text: str, obj, parent=None) -> None:
        self.__text = text
        self.__obj = obj  # the h5py object this node shows
        super().__init__(parent)

    def _populateChild(self, populateAll: bool = False) -> None:
        if hasattr(self.__obj, "items"):
            for name, obj in self.__obj.items():
                self.appendChild(Hdf5Item(name, obj, parent=self))
