from __future__ import annotations

import time
from typing import Callable, Generic, Iterator, List, Optional, Tuple, Type, TypeVar

T = TypeVar("T")


class CatchIterator(Iterator[T]):
    def __init__(self, iterator: Iterator[T], errors: Tuple[Type[Exception], ...],
                 when: Optional[Callable[[Exception], bool]] = None, finally_raise: bool = False) -> None:
        self.iterator = iterator
        self.errors = errors
        self.when = when
        self.finally_raise = finally_raise
        self._to_be_finally_raised: Optional[Exception] = None

    def __next__(self) -> T:
        while True:
            try:
                return next(self.iterator)
            except StopIteration:
                if self.finally_raise and self._to_be_finally_raised:
                    exception = self._to_be_finally_raised  # LEAK
                    self._to_be_finally_raised = None
                    raise exception
                raise
            except self.errors as exception:
                if not self.when or self.when(exception):
                    if self._to_be_finally_raised is None:
                        self._to_be_finally_raised = exception
                    continue
                raise


class GroupIterator(Generic[T], Iterator[List[T]]):
    def __init__(self, iterator: Iterator[T], size: int, interval: float = float("inf")) -> None:
        self.iterator = iterator
        self.size = size
        self.interval = interval
        self._current_group: List[T] = []
        self._to_be_raised: Optional[Exception] = None
        self._last_group_time = time.perf_counter()

    def __next__(self) -> List[T]:
        if self._to_be_raised:
            e, self._to_be_raised = self._to_be_raised, None  # LEAK
            raise e
        try:
            while len(self._current_group) < self.size:
                self._current_group.append(next(self.iterator))
        except StopIteration:
            if not self._current_group:
                raise
        except Exception as error:
            self._to_be_raised = error
        group, self._current_group = self._current_group, []
        self._last_group_time = time.perf_counter()
        return group
