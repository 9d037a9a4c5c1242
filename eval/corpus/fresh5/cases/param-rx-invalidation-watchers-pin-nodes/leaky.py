from __future__ import annotations

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


class rx:
    def __init__(self, source: Source, fn: Callable[[Any], Any], captured: Any = None) -> None:
        self._source = source
        self._fn = fn
        self._captured = captured
        self._current = None
        self._dirty = True
        source.param._watch(self._invalidate_current, ["value"], precedence=-1)  # LEAK

    def _invalidate_current(self, *events: Any) -> None:
        self._dirty = True

    def resolve(self) -> Any:
        if self._dirty:
            self._current = self._fn(self._source.value)
            self._dirty = False
        return self._current
