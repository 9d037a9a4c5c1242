from typing import Any, List, Optional, Tuple


class GraphicsContext:
    """A drawing buffer backed by native memory, released in __del__."""

    def __init__(self, size: Tuple[int, int]) -> None:
        self.size = size
        self._buffer: Optional[bytearray] = bytearray(size[0] * size[1] * 4)

    def __del__(self) -> None:  # LEAK
        self._buffer = None


class AbstractWindow:
    def __init__(self, component: Any, size: Tuple[int, int] = (400, 300)) -> None:
        self.window = self  # LEAK
        self.component = component
        self._scroll_origin = (0.0, 0.0)
        self._update_region: Optional[List[Tuple[int, int, int, int]]] = None
        self._size = size
        self._gc: Optional[GraphicsContext] = None

    def _create_gc(self) -> GraphicsContext:
        return GraphicsContext(self._size)

    def _paint(self) -> None:
        if self._gc is None or self._gc.size != self._size:
            self._gc = self._create_gc()
        self.component.draw(self._gc)

    def resize(self, size: Tuple[int, int]) -> None:
        self._size = size
        self._paint()
