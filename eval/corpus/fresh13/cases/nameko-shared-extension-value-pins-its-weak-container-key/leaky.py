import inspect
import weakref
from typing import Any, Dict

# container -> {sharing_key: bound extension}
shared_extensions: "weakref.WeakKeyDictionary[Any, Dict[Any, Extension]]" = weakref.WeakKeyDictionary()


def is_extension(obj: Any) -> bool:
    return isinstance(obj, Extension)


class Extension:
    container: Any = None

    def __new__(cls, *args: Any, **kwargs: Any) -> "Extension":
        inst = super().__new__(cls)
        inst._params = (args, kwargs)
        return inst

    def bind(self, container: Any) -> "Extension":
        if self.is_bound():
            raise RuntimeError("Cannot `bind` a bound extension.")
        args, kwargs = self._params
        instance = type(self)(*args, **kwargs)
        instance.container = container  # LEAK
        for name, ext in inspect.getmembers(self, is_extension):
            setattr(instance, name, ext.bind(container))
        return instance

    def is_bound(self) -> bool:
        return self.container is not None


class SharedExtension(Extension):
    @property
    def sharing_key(self) -> Any:
        return type(self)

    def bind(self, container: Any) -> Extension:
        per_container = shared_extensions.setdefault(container, {})
        shared = per_container.get(self.sharing_key)
        if shared:
            return shared
        instance = super().bind(container)
        per_container[self.sharing_key] = instance
        return instance
