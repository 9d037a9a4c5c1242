from __future__ import annotations

from typing import Optional

import numpy

_bounding_boxes: dict = {}  # LEAK


class Cell:
    def __init__(self, name: str) -> None:
        self.name = name
        self.polygons: list[numpy.ndarray] = []
        self.references: list["CellReference"] = []
        self._bb_valid = False
        self._bounding_box: Optional[numpy.ndarray] = None

    def add(self, polygon: numpy.ndarray) -> "Cell":
        self.polygons.append(polygon)
        self._bb_valid = False
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
        key = (self.ref_cell, self.rotation, self.magnification, self.x_reflection)
        if not self.ref_cell._bb_valid or key not in _bounding_boxes:
            bb = self.ref_cell.get_bounding_box()
            if bb is None:
                return None
            _bounding_boxes[key] = bb * self.magnification  # LEAK
        return _bounding_boxes[key] + self.origin
