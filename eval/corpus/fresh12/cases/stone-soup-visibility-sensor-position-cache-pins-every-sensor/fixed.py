from functools import lru_cache

import numpy as np


class SimpleSensor:
    def __init__(self, position, max_range: float = np.inf) -> None:
        self.position = position
        self.max_range = max_range


class VisibilityInformed2DSensor(SimpleSensor):
    def __init__(self, position, obstacles=(), max_range: float = np.inf, moving_obstacle_flag: bool = False) -> None:
        super().__init__(position, max_range)
        self.obstacles = list(obstacles)
        self.moving_obstacle_flag = moving_obstacle_flag
        self._relevant_obs = None
        self._relevant_obs_idx = []
        self._all_verts = [obstacle.vertices for obstacle in self.obstacles]

    @lru_cache(maxsize=None)
    def _position_cache(self):
        # cleared before a new value is assigned
        return self.position

    @property
    def _relevant_obstacles(self):
        self._get_relevant_obstacles()
        return self._relevant_obs_idx

    def _get_relevant_obstacles(self) -> None:
        if self.moving_obstacle_flag:
            self._all_verts = [obstacle.vertices for obstacle in self.obstacles]
        if self.max_range < np.inf and (np.any(self._position_cache() != self.position) or
                                        not self._relevant_obs):
            self._position_cache.cache_clear()
            self._relevant_obs_idx = np.where([
                np.any(np.sqrt(np.sum((vertices[0:2, :] - self.position[0:2]) ** 2, axis=0)) < self.max_range)
                for vertices in self._all_verts])[0].astype(int)
        else:
            self._relevant_obs_idx = np.linspace(0, len(self.obstacles) - 1, len(self.obstacles)).astype(int)
