from __future__ import annotations


class EmbeddedDocument:
    def __init__(self, **values) -> None:
        self.__dict__.update(values)


class Document:
    def __init__(self, **values) -> None:
        self._changed: set = set()
        self._data: dict = {}
        for name, value in values.items():
            self._data[name] = self._wrap(name, value)

    def _wrap(self, name: str, value):
        from .datastructures import EmbeddedDocumentList, TrackedList

        if isinstance(value, (list, tuple)) and not isinstance(value, TrackedList):
            if value and all(isinstance(v, EmbeddedDocument) for v in value):
                return EmbeddedDocumentList(value, self, name)  # LEAK
            return TrackedList(value, self, name)
        return value

    def mark_as_changed(self, key: str) -> None:
        self._changed.add(key)

    def __getattr__(self, name: str):
        try:
            return self.__dict__["_data"][name]
        except KeyError:
            raise AttributeError(name)
