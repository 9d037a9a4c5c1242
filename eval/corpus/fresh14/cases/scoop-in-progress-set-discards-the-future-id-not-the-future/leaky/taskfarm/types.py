import itertools
import time
from collections import deque
from typing import Any, Callable, Deque, Dict, Optional, Set, Tuple

from . import control

_ids = itertools.count()


class Future:
    def __init__(self, parent_id: Optional[Tuple[int, int]], callable_: Callable[..., Any], *args: Any) -> None:
        self.id = (0, next(_ids))
        self.parent_id = parent_id
        self.callable = callable_
        self.args = args
        self.result_value: Any = None
        self.children: Dict["Future", Any] = {}
        self.greenlet: Optional[Any] = None
        self.creation_time = time.time()
        self.done = False

    def __lt__(self, other: "Future") -> bool:
        return self.creation_time < other.creation_time

    def _ended(self) -> bool:
        return self.done

    def _delete(self) -> None:
        assert control.exec_queue is not None
        control.exec_queue.inprogress.discard(self.id)
        for child in self.children:
            child.exception_value = RuntimeError("cancelled")
        control.del_future(self)


class FutureQueue:
    def __init__(self) -> None:
        self.movable: Deque[Future] = deque()
        self.ready: Deque[Future] = deque()
        self.inprogress: Set[Future] = set()  # LEAK

    def append(self, future: Future) -> None:
        if future._ended() or future.greenlet is not None:
            self.inprogress.add(future)  # LEAK
        else:
            self.movable.append(future)

    def pop(self) -> Optional[Future]:
        if self.ready:
            return self.ready.popleft()
        if self.movable:
            return self.movable.popleft()
        return None
