from __future__ import annotations

import inspect
import weakref
from typing import Any, Callable, ClassVar, Optional


class _RegisteredCallback:
    def __init__(self, origin: Callable[..., Any], type_hint: Any, weight: float,
                 on_dead: Callable[["_RegisteredCallback"], None]) -> None:
        if inspect.ismethod(origin):
            # a bound method must not keep its object alive
            self._ref: Callable[[], Optional[Callable[..., Any]]] = weakref.WeakMethod(
                origin, lambda _: on_dead(self)
            )
        else:
            self._ref = lambda: origin
        self.type_hint = type_hint
        self.weight = weight

    def __call__(self, *args: Any) -> Any:
        func = self._ref()
        return None if func is None else func(*args)


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

    def _discard(self, entry: _RegisteredCallback) -> None:
        if entry in self._providers:
            self._providers.remove(entry)

    def register_provider(self, provider: Callable[..., Any], type_hint: Any = None,
                          weight: float = 0) -> Callable[[], None]:
        entry = _RegisteredCallback(provider, type_hint, weight, self._discard)
        self._providers.append(entry)
        return lambda: self._discard(entry)

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
        Store.get_store().register_provider(self.active_layer, type_hint=Layer)

    def active_layer(self) -> Optional[Layer]:
        return self.layers[-1] if self.layers else None
