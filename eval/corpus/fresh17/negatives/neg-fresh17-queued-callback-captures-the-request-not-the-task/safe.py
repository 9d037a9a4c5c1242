import weakref
from collections import deque
from typing import Any, Callable, Deque, List, Optional


class Task:
    def __init__(self, request: Any) -> None:
        self.request = request
        self.aborted = False
        self.func: Optional[Callable[[], None]] = None


class RequestQueue:
    def __init__(self) -> None:
        self._pending: Deque[Callable[[], None]] = deque()
        self.sent: List[Any] = []

    def add(self, request: Any) -> Task:
        task = Task(request)
        task_ref = weakref.ref(task)
        sent = self.sent

        def start() -> None:
            current = task_ref()
            if current is not None and current.aborted:
                return
            sent.append(request)

        task.func = start
        self._pending.append(start)
        return task

    def run_next(self) -> None:
        if self._pending:
            self._pending.popleft()()
