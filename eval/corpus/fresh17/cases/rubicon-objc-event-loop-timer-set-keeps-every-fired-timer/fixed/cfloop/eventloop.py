import heapq
import itertools
import time
from typing import Any, Callable, List, Set, Tuple

from .handles import CFTimerHandle


class CFEventLoop:
    def __init__(self) -> None:
        self._timers: Set[CFTimerHandle] = set()
        self._native: List[Tuple[float, int, Callable[[Any, Any], None]]] = []
        self._ids = itertools.count()

    def native_add_timer(self, when: float, callout: Callable[[Any, Any], None]) -> int:
        timer_id = next(self._ids)
        heapq.heappush(self._native, (when, timer_id, callout))
        return timer_id

    def native_remove_timer(self, timer_id: int) -> None:
        self._native = [entry for entry in self._native if entry[1] != timer_id]
        heapq.heapify(self._native)

    def call_later(self, delay: float, callback: Callable[..., Any], *args: Any) -> CFTimerHandle:
        return CFTimerHandle(loop=self, timeout=delay, callback=callback, args=args)

    def run_once(self) -> None:
        now = time.monotonic()
        while self._native and self._native[0][0] <= now:
            _, timer_id, callout = heapq.heappop(self._native)
            callout(timer_id, None)

    def close(self) -> None:
        while self._timers:
            self._timers.pop().cancel()
