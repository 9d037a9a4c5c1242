from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Tuple


@lru_cache
def filter_indices(values: Tuple[float, ...], low: float, high: float) -> Tuple[int, ...]:
    return tuple(i for i, value in enumerate(values) if low <= value <= high)


class ZenoBackend:
    def __init__(self, rows: List[Dict[str, float]]) -> None:
        self.rows = rows  # large: the whole evaluation table
        self.columns = sorted(rows[0]) if rows else []

    def slice_size(self, column: str, low: float, high: float) -> int:
        values = tuple(row[column] for row in self.rows)
        return len(filter_indices(values, low, high))
