from typing import List

from .throttler import qdebounced


class LayerList:
    """A model whose refresh is debounced while the user drags a slider."""

    __slots__ = ("names", "refreshed", "__weakref__")

    def __init__(self) -> None:
        self.names: List[str] = []
        self.refreshed = 0

    @qdebounced(timeout=0.1)
    def refresh(self) -> None:
        self.refreshed += 1


class Viewer:
    def __init__(self) -> None:
        self.zoom = 1.0
        self.redraws = 0

    @qdebounced(timeout=0.05)
    def redraw(self) -> None:
        self.redraws += 1

    def on_wheel(self, delta: float) -> None:
        self.zoom *= 1.1 if delta > 0 else 0.9
        self.redraw()
