from __future__ import annotations

import numpy as np

from .exceptions import MissingDependency

try:
    from shapely.geometry import Polygon
except ImportError as E:
    Polygon = MissingDependency(E)  # LEAK

try:
    from rtree.index import Index
except ImportError as E:
    Index = MissingDependency(E)  # LEAK


def polygon_area(vertices: np.ndarray) -> float:
    return float(Polygon(vertices).area)


def bounds_tree(polygons: list):
    tree = Index()
    for i, poly in enumerate(polygons):
        tree.insert(i, poly.bounds)
    return tree
