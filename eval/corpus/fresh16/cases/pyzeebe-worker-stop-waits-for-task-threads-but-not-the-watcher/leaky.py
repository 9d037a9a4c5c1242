import logging
import threading
from typing import Any, Dict, List, Optional

log = logging.getLogger(__name__)


class JobWorker:
    def __init__(self, tasks: List[Any]) -> None:
        self.tasks = tasks
        self.stop_event = threading.Event()
        self._task_threads: Dict[str, threading.Thread] = {}
        self._watcher: Optional[threading.Thread] = None

    def work(self, watch: bool = False) -> None:
        for task in self.tasks:
            self._task_threads[task.kind] = self._start_task_thread(task)
        if watch:
            self._watcher = threading.Thread(target=self._watch, name="JobWorker-watch")  # LEAK
            self._watcher.start()

    def _start_task_thread(self, task: Any) -> threading.Thread:
        if self.stop_event.is_set():
            raise RuntimeError("worker is stopping")
        thread = threading.Thread(target=self._poll, args=(task,), name="JobWorker-%s" % task.kind)
        thread.start()
        return thread

    def stop(self, wait: bool = False) -> None:
        self.stop_event.set()
        if wait:
            self._join_task_threads()

    def _join_task_threads(self) -> None:
        while self._task_threads:
            _, thread = self._task_threads.popitem()
            thread.join()

    def _poll(self, task: Any) -> None:
        while not self.stop_event.is_set():
            task.poll_once()

    def _watch(self, every: float = 10.0) -> None:
        while not self.stop_event.is_set() and self._task_threads:
            for kind in list(self._task_threads):
                thread = self._task_threads.get(kind)
                if thread is not None and not thread.is_alive():
                    log.warning("restarting task thread %s", kind)
                    task = next(t for t in self.tasks if t.kind == kind)
                    self._task_threads[kind] = self._start_task_thread(task)
            self.stop_event.wait(every)
