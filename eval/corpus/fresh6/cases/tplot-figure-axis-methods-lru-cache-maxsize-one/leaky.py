from __future__ import annotations

from functools import lru_cache, partial
from typing import Callable, List

import numpy as np


class LinearScale:
    def fit(self, values, target_min: float, target_max: float) -> None:
        self.lo, self.hi = min(values), max(values)
        self.target_min, self.target_max = target_min, target_max

    def transform(self, values):
        span = (self.hi - self.lo) or 1
        return [self.target_min + (v - self.lo) / span * (self.target_max - self.target_min) for v in values]


def best_ticks(lo: float, hi: float, most: int) -> List[float]:
    step = (hi - lo) / max(most, 1) or 1
    return [lo + i * step for i in range(most + 1)]


class Figure:
    def __init__(self, width: int = 80, height: int = 24) -> None:
        self.width = width
        self.height = height
        self._plots: List[Callable] = []
        self._canvas = np.full((height, width), " ")

    def scatter(self, x, y) -> None:
        self._plots.append(partial(self._draw_scatter, x=x, y=y))

    def _draw_scatter(self, x, y) -> None:
        pass

    @property
    def _y(self):
        return tuple(y for plot in self._plots for y in plot.keywords["y"])

    @lru_cache(maxsize=1)  # LEAK
    def _ytick_values(self):
        return best_ticks(min(self._y), max(self._y), most=self.height // 3)

    @lru_cache(maxsize=1)  # LEAK
    def _yax_width(self):
        return max(len(str(value)) for value in self._ytick_values()) + 1

    @lru_cache(maxsize=1)  # LEAK
    def _yscale(self):
        scale = LinearScale()
        scale.fit(self._ytick_values(), self.height - 2, 0)
        return scale

    def _draw_y_axis(self) -> None:
        for pos in self._yscale().transform(self._ytick_values()):
            self._canvas[round(pos), self._yax_width() - 1] = "┤"

    def draw(self) -> str:
        self._draw_y_axis()
        for plot in self._plots:
            plot()
        return "\n".join("".join(row) for row in self._canvas)
