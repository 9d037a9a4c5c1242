from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Tuple


class ZenoBackend:
    def __init__(self, rows: List[Dict[str, float]]) -> None:
        self.rows = rows  # large: the whole evaluation table
        self.columns = sorted(rows[0]) if rows else []

    @lru_cache  # LEAK
    def filter_indices(self, column: str, low: float, high: float) -> Tuple[int, ...]:
        return tuple(i for i, row in enumerate(self.rows) if low <= row[column] <= high)

    def slice_size(self, column: str, low: float, high: float) -> int:
        return len(self.filter_indices(column, low, high))
