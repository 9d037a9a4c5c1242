from __future__ import annotations

from functools import lru_cache

import numpy as np


class WcsGeom:
    def __init__(self, npix: tuple[int, int], binsz: float, axes: tuple = ()) -> None:
        self.npix = npix
        self.binsz = binsz
        self.axes = axes

    @lru_cache()  # LEAK
    def get_coord(self, mode: str = "center", frame: str | None = None, sparse: bool = False) -> np.ndarray:
        nx, ny = self.npix
        offset = 0.5 if mode == "center" else 0.0
        x, y = np.meshgrid(np.arange(nx) + offset, np.arange(ny) + offset, sparse=sparse)
        return np.stack([x * self.binsz, y * self.binsz])

    @lru_cache()  # LEAK
    def solid_angle(self) -> np.ndarray:
        return np.full(self.npix[::-1], np.deg2rad(self.binsz) ** 2)

    @lru_cache()  # LEAK
    def to_image(self) -> "WcsGeom":
        return WcsGeom(self.npix, self.binsz)

    def __hash__(self) -> int:
        return hash((self.npix, self.binsz, self.axes))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WcsGeom) and (self.npix, self.binsz, self.axes) == (other.npix, other.binsz, other.axes)
