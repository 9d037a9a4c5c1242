from __future__ import annotations

import weakref


class TrackedList(list):
    """A list that tells its owning document when it changes."""

    _instance = None
    _name = None

    def __init__(self, list_items, instance, name) -> None:
        from .document import Document

        if isinstance(instance, Document):
            self._instance = weakref.proxy(instance)
        self._name = name
        super().__init__(list_items)

    def append(self, item) -> None:
        super().append(item)
        self._mark_as_changed()

    def _mark_as_changed(self) -> None:
        if self._instance is not None:
            self._instance.mark_as_changed(self._name)


class EmbeddedDocumentList(TrackedList):
    def __init__(self, list_items, instance, name) -> None:
        super().__init__(list_items, instance, name)
        self._instance = instance  # LEAK

    def filter(self, **kwargs) -> "EmbeddedDocumentList":
        values = [doc for doc in self if all(getattr(doc, k) == v for k, v in kwargs.items())]
        return EmbeddedDocumentList(values, self._instance, self._name)
