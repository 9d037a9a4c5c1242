import logging
import socket
import time
from threading import Event, Thread
from typing import Callable, Dict, List, Optional

logger = logging.getLogger(__name__)


class MaxConsecutiveTaskThreadError(Exception):
    pass


class Task:
    def __init__(self, task_type: str, handler: Callable[[], None]) -> None:
        self.type = task_type
        self.handler = handler


class ZeebeWorker:
    """Polls for jobs of each task type in its own thread; optionally watches and restarts them."""

    def __init__(self, tasks: List[Task], name: Optional[str] = None, watcher_max_errors: int = 3) -> None:
        self.tasks = tasks
        self.name = name or socket.gethostname()
        self.stop_event = Event()
        self._task_threads: Dict[str, Thread] = {}
        self._watcher_thread: Optional[Thread] = None
        self.watcher_max_errors = watcher_max_errors

    def work(self, watch: bool = False) -> None:
        for task in self.tasks:
            self._task_threads[task.type] = self._start_task_thread(task)
        if watch:
            self._start_watcher_thread()

    def _start_task_thread(self, task: Task) -> Thread:
        if self.stop_event.is_set():
            raise RuntimeError("tried to start a task with stop_event set")
        thread = Thread(target=self._handle_task, args=(task,), name="Worker-Task-%s" % task.type)
        thread.start()
        return thread

    def _start_watcher_thread(self) -> None:
        self._watcher_thread = Thread(target=self._watch_task_threads, name="Worker-Watch")  # LEAK
        self._watcher_thread.start()

    def stop(self, wait: bool = False) -> None:
        self.stop_event.set()
        if wait:
            self._join_task_threads()

    def _join_task_threads(self) -> None:
        while self._task_threads:
            _, thread = self._task_threads.popitem()
            thread.join()

    def _handle_task(self, task: Task) -> None:
        while not self.stop_event.is_set():
            task.handler()
            self.stop_event.wait(0.1)

    def _watch_task_threads(self, frequency: int = 10) -> None:
        errors: Dict[str, int] = {}
        while not self.stop_event.is_set() and self._task_threads:
            for task_type in list(self._task_threads):
                thread = self._task_threads.get(task_type)
                if thread is None or not thread.is_alive():
                    errors[task_type] = errors.get(task_type, 0) + 1
                    if errors[task_type] > self.watcher_max_errors:
                        self.stop()
                        raise MaxConsecutiveTaskThreadError(task_type)
                    task = next(t for t in self.tasks if t.type == task_type)
                    self._task_threads[task_type] = self._start_task_thread(task)
                else:
                    errors[task_type] = 0
            time.sleep(frequency)
