from __future__ import annotations

import functools
import weakref
from typing import Any, Callable, List, Tuple


def weak_lru_cache(maxsize: int = 128, typed: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An lru_cache for methods that refers to self weakly, so cached entries do not keep instances alive."""

    def wrapper(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.lru_cache(maxsize, typed)
        def _func(_self: "weakref.ReferenceType[Any]", *args: Any, **kwargs: Any) -> Any:
            return func(_self(), *args, **kwargs)

        @functools.wraps(func)
        def inner(self: Any, *args: Any, **kwargs: Any) -> Any:
            return _func(weakref.ref(self), *args, **kwargs)

        return inner

    return wrapper


class Jumps:
    def __init__(self, positions: List[Tuple[float, float, float]], time_step: float) -> None:
        self.positions = positions  # large: one row per frame and atom
        self.time_step = time_step

    @weak_lru_cache()
    def matrix(self) -> Tuple[float, ...]:
        x0, y0, z0 = self.positions[0]
        return tuple(((x - x0) ** 2 + (y - y0) ** 2 + (z - z0) ** 2) ** 0.5 for x, y, z in self.positions)

    @weak_lru_cache()
    def jump_diffusivity(self, window: int) -> float:
        distances = self.matrix()
        return sum(d * d for d in distances[:window]) / max(window, 1)
