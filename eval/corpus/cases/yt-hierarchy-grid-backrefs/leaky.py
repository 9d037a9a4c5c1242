from __future__ import annotations


class Grid:
    def __init__(self, hierarchy, grid_id: int) -> None:
        self.hierarchy = hierarchy  # LEAK
        self.id = grid_id
        self.data: dict = {}


class Hierarchy:
    def __init__(self, num_grids: int) -> None:
        self.grids = [Grid(self, i) for i in range(num_grids)]  # LEAK
