import queue
from typing import Any, Callable, Tuple


class PriorityPool:
    def __init__(self, process: Callable[..., Any], max_batch: int, name: str) -> None:
        self.process = process
        self.max_batch = max_batch
        self.name = name
        self.tasks: "queue.PriorityQueue[Tuple[float, int, Tuple[Any, ...]]]" = queue.PriorityQueue()
        self._seq = 0

    def submit(self, priority: float, *args: Any) -> None:
        self._seq += 1
        self.tasks.put((priority, self._seq, args))

    def run_once(self) -> Any:
        _, _, args = self.tasks.get_nowait()
        return self.process(*args)
