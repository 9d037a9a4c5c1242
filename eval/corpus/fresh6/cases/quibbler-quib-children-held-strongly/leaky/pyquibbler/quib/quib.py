from __future__ import annotations

from abc import ABC, abstractmethod
from functools import reduce
from operator import or_
from typing import Any, List


class Quib(ABC):
    """The common methods and attributes of all quib types."""

    def __init__(self) -> None:
        self._artists_redrawers = set()
        self._children: List["Quib"] = []  # LEAK

    def _invalidate_children(self) -> None:
        for child in self._children:
            child._invalidate()
            child._invalidate_children()

    def _get_artists_redrawers_recursively(self) -> set:
        return reduce(or_, (child._get_artists_redrawers_recursively() for child in self._children),
                      set(self._artists_redrawers))

    def invalidate_and_redraw(self) -> None:
        self._invalidate_children()
        for redrawer in self._get_artists_redrawers_recursively():
            redrawer.redraw()

    def add_child(self, quib: "Quib") -> None:
        """Add the given quib to the quibs that depend on this quib."""
        self._children.append(quib)  # LEAK

    @abstractmethod
    def _invalidate(self) -> None:
        ...

    @abstractmethod
    def get_value(self) -> Any:
        ...
