from __future__ import annotations

from typing import Any, Callable

CALLBACK_KINDS = ("logging", "simplex_interrupt", "mip_solution", "mip_improving")


class _NativeSolver:
    """Stands in for the compiled solver the Python class wraps."""

    def run(self) -> int:
        return 0


class HighsCallback:
    def __init__(self, kind: str, highs: "Highs") -> None:
        self.kind = kind
        self.highs = highs  # LEAK
        self.subscribers: list[Callable[[Any, Any], None]] = []

    def subscribe(self, fn: Callable[[Any, Any], None]) -> None:
        self.subscribers.append(fn)

    def fire(self, data: Any) -> None:
        for fn in list(self.subscribers):
            fn(self.highs, data)


class Highs(_NativeSolver):
    def __init__(self) -> None:
        super().__init__()
        self._callbacks = {kind: HighsCallback(kind, self) for kind in CALLBACK_KINDS}  # LEAK

    def on(self, kind: str, fn: Callable[[Any, Any], None]) -> None:
        self._callbacks[kind].subscribe(fn)

    def solve(self) -> int:
        self._callbacks["logging"].fire("starting")
        return self.run()
