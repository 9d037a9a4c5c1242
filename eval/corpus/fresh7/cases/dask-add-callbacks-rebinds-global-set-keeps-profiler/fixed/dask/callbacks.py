from __future__ import annotations

from .context import _globals

__all__ = ["Callback", "add_callbacks"]


class Callback:
    """Base class for the callback mechanism (start, pretask, posttask, finish hooks)."""

    def __init__(self, start=None, pretask=None, posttask=None, finish=None) -> None:
        if start:
            self._start = start
        if pretask:
            self._pretask = pretask
        if posttask:
            self._posttask = posttask
        if finish:
            self._finish = finish

    @property
    def _callback(self) -> tuple:
        fields = ["_start", "_pretask", "_posttask", "_finish"]
        return tuple(getattr(self, i, None) for i in fields)

    def __enter__(self) -> "Callback":
        self._cm = add_callbacks(self)
        self._cm.__enter__()
        return self

    def __exit__(self, *args) -> None:
        self._cm.__exit__(*args)

    def register(self) -> None:
        _globals["callbacks"].add(self._callback)

    def unregister(self) -> None:
        _globals["callbacks"].remove(self._callback)


def normalize_callback(cb) -> tuple:
    if isinstance(cb, Callback):
        return cb._callback
    if isinstance(cb, tuple):
        return cb
    raise TypeError("Callbacks must be either `Callback` or `tuple`")


class add_callbacks:
    """Context manager applying callbacks only in the enclosed context."""

    def __init__(self, *args) -> None:
        self.old = _globals["callbacks"].copy()
        _globals["callbacks"].update([normalize_callback(a) for a in args])

    def __enter__(self) -> None:
        return

    def __exit__(self, type, value, traceback) -> None:
        _globals["callbacks"].clear()
        _globals["callbacks"].update(self.old)


class ResourceProfiler(Callback):
    """Records resource use of each computation run inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list = []

    def _start(self, dsk) -> None:
        self.results.append(("start", len(dsk)))

    def _finish(self, dsk, state, errored) -> None:
        self.results.append(("finish", errored))
