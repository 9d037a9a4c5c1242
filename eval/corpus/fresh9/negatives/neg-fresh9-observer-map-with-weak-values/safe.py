from __future__ import annotations

import weakref


class Framework:
    def __init__(self) -> None:
        self._observers = []
        self._observer = weakref.WeakValueDictionary()

    def observe(self, path: str, observer, method_name: str) -> None:
        self._observer[path] = observer
        self._observers.append((path, method_name))

    def emit(self, event) -> None:
        for path, method_name in self._observers:
            observer = self._observer.get(path)
            if observer is not None:
                getattr(observer, method_name)(event)
