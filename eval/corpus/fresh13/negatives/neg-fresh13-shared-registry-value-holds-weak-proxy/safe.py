import weakref
from typing import Any, Dict

_shared: "weakref.WeakKeyDictionary[Any, Dict[type, Any]]" = weakref.WeakKeyDictionary()


class Extension:
    container: Any = None

    def bind(self, container: Any) -> "Extension":
        per_container = _shared.setdefault(container, {})
        if type(self) in per_container:
            return per_container[type(self)]
        instance = type(self)()
        instance.container = weakref.proxy(container)
        per_container[type(self)] = instance
        return instance
