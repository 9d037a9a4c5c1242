from __future__ import annotations

from typing import Any, Callable, ClassVar, Optional


class _RegisteredCallback:
    def __init__(self, origin: Callable[..., Any], type_hint: Any, weight: float) -> None:
        self.origin = origin  # LEAK
        self.type_hint = type_hint
        self.weight = weight

    def __call__(self, *args: Any) -> Any:
        return self.origin(*args)


class Store:
    _instances: ClassVar[dict[str, "Store"]] = {}

    def __init__(self, name: str) -> None:
        self.name = name
        self._providers: list[_RegisteredCallback] = []

    @classmethod
    def get_store(cls, name: str = "global") -> "Store":
        if name not in cls._instances:
            cls._instances[name] = cls(name)
        return cls._instances[name]

    def register_provider(self, provider: Callable[..., Any], type_hint: Any = None,
                          weight: float = 0) -> Callable[[], None]:
        entry = _RegisteredCallback(provider, type_hint, weight)
        self._providers.append(entry)  # LEAK
        return lambda: self._providers.remove(entry)

    def provide(self, type_hint: Any) -> Optional[Any]:
        for entry in sorted(self._providers, key=lambda e: -e.weight):
            if entry.type_hint is type_hint:
                return entry()
        return None


class Layer:
    pass


class Viewer:
    def __init__(self) -> None:
        self.layers: list[Layer] = [Layer() for _ in range(3)]
        Store.get_store().register_provider(self.active_layer, type_hint=Layer)  # LEAK

    def active_layer(self) -> Optional[Layer]:
        return self.layers[-1] if self.layers else None
