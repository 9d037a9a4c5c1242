import inspect
import weakref
from typing import Any, Callable, Iterator


class WeakRefList(list):
    """A list of weak references; entries vanish when their target dies."""

    def _ref(self, item: Any) -> "weakref.ref[Any]":
        if inspect.ismethod(item):
            return weakref.WeakMethod(item, self._drop)
        return weakref.ref(item, self._drop)

    def _drop(self, ref: "weakref.ref[Any]") -> None:
        if ref in self:
            super().remove(ref)

    def append(self, item: Any) -> None:
        super().append(self._ref(item))

    def insert(self, index: int, item: Any) -> None:
        super().insert(index, self._ref(item))

    def remove(self, item: Any) -> None:
        super().remove(self._ref(item))

    def alive(self) -> Iterator[Any]:
        for ref in list(self):
            target = ref()
            if target is not None:
                yield target


class Signal:
    def __init__(self, *types: type) -> None:
        self.types = types
        self.listeners = WeakRefList()
        self.priority_listeners = WeakRefList()
        self.blocked = False

    def connect(self, handle: Callable[..., Any], priority: bool = False) -> None:
        if priority:
            self.priority_listeners.insert(0, handle)
        else:
            self.listeners.append(handle)

    def disconnect(self, handle: Callable[..., Any]) -> None:
        for bucket in (self.listeners, self.priority_listeners):
            try:
                bucket.remove(handle)
            except ValueError:
                pass

    def emit(self, *args: Any) -> None:
        if self.blocked:
            return
        handles = list(self.priority_listeners.alive()) + list(self.listeners.alive())
        for handle in handles:
            if isinstance(handle, Signal):
                handle.emit(*args)
            elif len(inspect.signature(handle).parameters) == 0:
                handle()
            else:
                handle(*args)

    def clear(self) -> None:
        self.listeners = WeakRefList()
        self.priority_listeners = WeakRefList()
