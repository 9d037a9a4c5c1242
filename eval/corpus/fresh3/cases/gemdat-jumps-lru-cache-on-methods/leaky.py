from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple


class Jumps:
    def __init__(self, positions: List[Tuple[float, float, float]], time_step: float) -> None:
        self.positions = positions  # large: one row per frame and atom
        self.time_step = time_step

    @lru_cache  # LEAK
    def matrix(self) -> Tuple[float, ...]:
        x0, y0, z0 = self.positions[0]
        return tuple(((x - x0) ** 2 + (y - y0) ** 2 + (z - z0) ** 2) ** 0.5 for x, y, z in self.positions)

    @lru_cache  # LEAK
    def jump_diffusivity(self, window: int) -> float:
        distances = self.matrix()
        return sum(d * d for d in distances[:window]) / max(window, 1)
