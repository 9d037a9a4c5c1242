from __future__ import annotations

from typing import Optional

import numpy


class Cell:
    def __init__(self, name: str) -> None:
        self.name = name
        self.polygons: list[numpy.ndarray] = []
        self.references: list["CellReference"] = []
        self._bb_valid = False
        self._bounding_box: Optional[numpy.ndarray] = None
        # transformed boxes of this cell, cached on the cell itself
        self._transformed_boxes: dict = {}

    def add(self, polygon: numpy.ndarray) -> "Cell":
        self.polygons.append(polygon)
        self._bb_valid = False
        self._transformed_boxes.clear()
        return self

    def get_bounding_box(self) -> Optional[numpy.ndarray]:
        if not self.polygons and not self.references:
            return None
        if not self._bb_valid:
            points = [p for p in self.polygons]
            points += [r.get_bounding_box() for r in self.references]
            allpts = numpy.concatenate([p for p in points if p is not None])
            self._bounding_box = numpy.array([allpts.min(axis=0), allpts.max(axis=0)])
            self._bb_valid = True
        return self._bounding_box


class CellReference:
    def __init__(self, ref_cell: Cell, origin=(0, 0), rotation: float = 0.0, magnification: float = 1.0,
                 x_reflection: bool = False) -> None:
        self.ref_cell = ref_cell
        self.origin = numpy.array(origin, dtype=float)
        self.rotation = rotation
        self.magnification = magnification
        self.x_reflection = x_reflection

    def get_bounding_box(self) -> Optional[numpy.ndarray]:
        key = (self.rotation, self.magnification, self.x_reflection)
        cache = self.ref_cell._transformed_boxes
        if not self.ref_cell._bb_valid or key not in cache:
            bb = self.ref_cell.get_bounding_box()
            if bb is None:
                return None
            cache[key] = bb * self.magnification
        return cache[key] + self.origin
