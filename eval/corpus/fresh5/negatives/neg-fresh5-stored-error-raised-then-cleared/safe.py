from __future__ import annotations

from typing import Iterator, List, Optional, TypeVar

T = TypeVar("T")


class Batches(Iterator[List[T]]):
    def __init__(self, source: Iterator[T], size: int) -> None:
        self.source = source
        self.size = size
        self._pending_error: Optional[Exception] = None

    def __next__(self) -> List[T]:
        if self._pending_error is not None:
            try:
                raise self._pending_error
            finally:
                self._pending_error = None
        batch: List[T] = []
        try:
            while len(batch) < self.size:
                batch.append(next(self.source))
        except StopIteration:
            if not batch:
                raise
        except Exception as error:
            if not batch:
                raise
            self._pending_error = error
        return batch
