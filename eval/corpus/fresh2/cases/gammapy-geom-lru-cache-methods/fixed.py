from __future__ import annotations

import functools
import weakref
from typing import Any, Callable

import numpy as np


def lru_cache_weak(maxsize: int | None = 128) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """lru_cache for methods that holds the instance only through a weak reference."""

    def decorator(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.lru_cache(maxsize=maxsize)
        def _cached(self_ref: "weakref.ref[Any]", *args: Any, **kwargs: Any) -> Any:
            return method(self_ref(), *args, **kwargs)

        @functools.wraps(method)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            return _cached(weakref.ref(self), *args, **kwargs)

        wrapper.cache_clear = _cached.cache_clear  # type: ignore[attr-defined]
        return wrapper

    return decorator


class WcsGeom:
    def __init__(self, npix: tuple[int, int], binsz: float, axes: tuple = ()) -> None:
        self.npix = npix
        self.binsz = binsz
        self.axes = axes

    @lru_cache_weak()
    def get_coord(self, mode: str = "center", frame: str | None = None, sparse: bool = False) -> np.ndarray:
        nx, ny = self.npix
        offset = 0.5 if mode == "center" else 0.0
        x, y = np.meshgrid(np.arange(nx) + offset, np.arange(ny) + offset, sparse=sparse)
        return np.stack([x * self.binsz, y * self.binsz])

    @lru_cache_weak()
    def solid_angle(self) -> np.ndarray:
        return np.full(self.npix[::-1], np.deg2rad(self.binsz) ** 2)

    @lru_cache_weak()
    def to_image(self) -> "WcsGeom":
        return WcsGeom(self.npix, self.binsz)

    def __hash__(self) -> int:
        return hash((self.npix, self.binsz, self.axes))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WcsGeom) and (self.npix, self.binsz, self.axes) == (other.npix, other.binsz, other.axes)
