from __future__ import annotations

import weakref
from typing import Any, Callable, List


class Watcher:
    def __init__(self, fn: Callable[..., Any], names: List[str]) -> None:
        self.fn = fn
        self.names = names


class ParamNamespace:
    def __init__(self) -> None:
        self.watchers: List[Watcher] = []

    def _watch(self, fn: Callable[..., Any], names: List[str], precedence: int = 0) -> Watcher:
        watcher = Watcher(fn, names)
        self.watchers.append(watcher)
        return watcher

    def unwatch(self, watcher: Watcher) -> None:
        self.watchers.remove(watcher)


class Source:
    """A long-lived parameterized object (a widget, an app setting)."""

    def __init__(self) -> None:
        self.param = ParamNamespace()
        self.value = 0


class _WeakInvalidator:
    """Calls the node's invalidation method without keeping the node alive."""

    __slots__ = ("_ref", "__weakref__")

    def __init__(self, method: Callable[..., Any]) -> None:
        self._ref = weakref.WeakMethod(method)

    def __call__(self, *events: Any) -> Any:
        method = self._ref()
        if method is not None:
            return method(*events)
        return None


def _remove_watcher(owner: Source, watcher: Watcher) -> None:
    try:
        owner.param.unwatch(watcher)
    except ValueError:
        pass


class rx:
    def __init__(self, source: Source, fn: Callable[[Any], Any], captured: Any = None) -> None:
        self._source = source
        self._fn = fn
        self._captured = captured
        self._current = None
        self._dirty = True
        watcher = source.param._watch(_WeakInvalidator(self._invalidate_current), ["value"], precedence=-1)
        weakref.finalize(self, _remove_watcher, source, watcher)

    def _invalidate_current(self, *events: Any) -> None:
        self._dirty = True

    def resolve(self) -> Any:
        if self._dirty:
            self._current = self._fn(self._source.value)
            self._dirty = False
        return self._current
