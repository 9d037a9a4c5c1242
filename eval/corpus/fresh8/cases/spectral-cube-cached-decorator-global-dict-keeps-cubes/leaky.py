from __future__ import annotations

from functools import wraps

import numpy as np


def cached(func):
    """Cache the results of a method."""
    cache = {}  # LEAK

    @wraps(func)
    def wrapper(*args):
        if args not in cache:
            cache[args] = func(*args)  # LEAK
        return cache[args]

    return wrapper


class DataCube:
    def __init__(self, data: np.ndarray, wcs, mask=None, allow_huge_operations: bool = False) -> None:
        self._data = data
        self._wcs = wcs
        self._mask = mask
        self.allow_huge_operations = allow_huge_operations

    @property
    def spectral_axis(self) -> np.ndarray:
        return self._wcs.spectral_values(self._data.shape[0])

    @property
    def spatial_coordinate_map(self):
        return self._wcs.celestial_grid(self._data.shape[1:])

    @property
    @cached
    def spectral_extrema(self):
        axis = self.spectral_axis
        return axis.min(), axis.max()

    @property
    @cached
    def world_extrema(self):
        lat, lon = self.spatial_coordinate_map
        return (lon.min(), lon.max()), (lat.min(), lat.max())

    @property
    @cached
    def longitude_extrema(self):
        return self.world_extrema[0]
