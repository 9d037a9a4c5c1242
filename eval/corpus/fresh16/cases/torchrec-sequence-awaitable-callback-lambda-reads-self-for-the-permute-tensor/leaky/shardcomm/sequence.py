from typing import List, Optional

from .awaitable import Awaitable

Rows = List[List[float]]


def regroup(flat: List[float], width: int) -> Rows:
    return [flat[i:i + width] for i in range(0, len(flat), width)]


def select_rows(rows: Rows, order: List[int]) -> Rows:
    return [rows[i] for i in order]


class SequenceAwaitable(Awaitable[Rows]):
    def __init__(self, pending: Awaitable[List[float]], permute: Optional[List[int]], width: int) -> None:
        super().__init__()
        self._pending = pending
        self._permute = permute
        self._width = width
        if self._permute is not None:
            self.callbacks.append(lambda rows: select_rows(regroup(sum(rows, []), self._width), self._permute))  # LEAK

    def _wait_impl(self) -> Rows:
        return regroup(self._pending.wait(), self._width)
