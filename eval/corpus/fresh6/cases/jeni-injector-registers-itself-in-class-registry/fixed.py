from __future__ import annotations

import collections
from typing import Any, Callable, Dict


class FactoryProvider:
    def __init__(self, function: Callable[[], Any]) -> None:
        self.function = function

    @classmethod
    def bind(cls, function: Callable[[], Any]) -> Callable[[], "FactoryProvider"]:
        return lambda: cls(function)

    def get(self) -> Any:
        return self.function()


class Injector:
    factory_provider = FactoryProvider
    provider_registry: Dict[str, Callable[[], FactoryProvider]] = {}

    def __init__(self, provide_self: bool = True) -> None:
        self.closed = False
        self.instances: Dict[str, Any] = {}
        self.values: Dict[str, Any] = {}
        self.finalizers = []
        self.stats = collections.defaultdict(int)
        if provide_self:
            self.values["injector"] = self

    @classmethod
    def register(cls, note: str, provider) -> None:
        if "provider_registry" not in vars(cls):
            cls.provider_registry = {}
        cls.provider_registry[note] = provider

    @classmethod
    def lookup(cls, note: str):
        for klass in cls.mro():
            if note in vars(klass).get("provider_registry", {}):
                return klass.provider_registry[note]
        raise LookupError(repr(note))

    @classmethod
    def factory(cls, note: str, fn: Callable[[], Any]) -> None:
        cls.register(note, cls.factory_provider.bind(fn))

    @classmethod
    def value(cls, note: str, scalar: Any) -> None:
        """Register a single value to be provided."""
        cls.factory(note, lambda: scalar)

    def get(self, note: str) -> Any:
        if self.closed:
            raise RuntimeError("{!r} already closed".format(self))
        self.stats[note] += 1
        if note in self.values:
            return self.values[note]
        if note not in self.instances:
            self.instances[note] = self.lookup(note)()
        return self.instances[note].get()

    def close(self) -> None:
        for finalizer in reversed(self.finalizers):
            finalizer()
        self.closed = True
        self.instances.clear()
        self.values.clear()

    def __enter__(self) -> "Injector":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
