import sys
from collections import defaultdict, deque
from typing import Any, Callable, Deque, Dict, Optional


class PendingRequest:
    """A request waiting in the queue for its host's rate limit."""

    def __init__(self, hostkey: str, func: Optional[Callable[[], Any]], priority: int) -> None:
        self.hostkey = hostkey
        self.func = func
        self.priority = priority
        self.aborted = False

    @staticmethod
    def from_request(request: Any, func: Optional[Callable[[], Any]]) -> "PendingRequest":
        return PendingRequest(request.host_key(), func, int(request.priority))


class RequestPriorityQueue:
    def __init__(self, delays: Dict[str, float]) -> None:
        self._queues: Dict[int, Dict[str, Deque[Callable[[], Any]]]] = defaultdict(lambda: defaultdict(deque))
        self._delays = delays
        self._count = 0

    def count(self) -> int:
        return self._count

    def add_task(self, task: PendingRequest, important: bool = False) -> PendingRequest:
        queue = self._queues[task.priority][task.hostkey]
        if important:
            queue.appendleft(task.func)
        else:
            queue.append(task.func)
        self._count += 1
        return task

    def remove_task(self, task: PendingRequest) -> None:
        try:
            self._queues[task.priority][task.hostkey].remove(task.func)
            self._count -= 1
        except ValueError:
            pass

    def run_ready_tasks(self) -> float:
        delay = float(sys.maxsize)
        for prio in sorted(self._queues, reverse=True):
            for hostkey, queue in list(self._queues[prio].items()):
                if not queue:
                    del self._queues[prio][hostkey]
                    continue
                wait = self._delays.get(hostkey, 0.0)
                if wait <= 0:
                    queue.popleft()()
                    self._count -= 1
                delay = min(delay, wait)
        return delay
