import weakref
from functools import partial
from typing import Any, Callable, Dict, List, Optional

from .queue import PendingRequest, RequestPriorityQueue


class WebService:
    def __init__(self) -> None:
        self._queue = RequestPriorityQueue({})
        self._task_to_reply: Dict[PendingRequest, Any] = {}
        self.sent: List[Any] = []

    def _send_request(self, request: Any, task: Optional[PendingRequest] = None) -> None:
        reply = ("reply", request)
        self.sent.append(reply)
        if task is not None:
            self._task_to_reply[task] = reply

    def _start_request(
        self, request: Any, task_ref: Optional[Callable[[], Optional[PendingRequest]]] = None
    ) -> None:
        task = task_ref() if task_ref is not None else None
        if task is not None and task.aborted:
            return
        self._send_request(request, task)

    def add_request(self, request: Any) -> PendingRequest:
        task = PendingRequest.from_request(request, None)
        task.func = partial(self._start_request, request, weakref.ref(task))
        self._queue.add_task(task, request.important)
        return task

    def abort_task(self, task: PendingRequest) -> None:
        task.aborted = True
        self._task_to_reply.pop(task, None)
        self._queue.remove_task(task)

    def run_next_task(self) -> float:
        return self._queue.run_ready_tasks()
