from functools import lru_cache
from typing import Tuple

OBSTACLES: Tuple[Tuple[float, float], ...] = ((0.0, 0.0), (10.0, 5.0), (3.0, 8.0))


@lru_cache(maxsize=256)
def obstacles_in_range(position: Tuple[float, float], max_range: float) -> Tuple[int, ...]:
    px, py = position
    return tuple(i for i, (x, y) in enumerate(OBSTACLES) if ((x - px) ** 2 + (y - py) ** 2) ** 0.5 < max_range)


class Sensor:
    def __init__(self, position: Tuple[float, float], max_range: float) -> None:
        self.position = position
        self.max_range = max_range

    def relevant_obstacles(self) -> Tuple[int, ...]:
        return obstacles_in_range(tuple(self.position), self.max_range)
