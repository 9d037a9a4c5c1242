import threading
from typing import Any, Callable, List


class ThreadGroup:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.threads: List[threading.Thread] = []

    def add_thread(self, target: Callable[..., Any], *args: Any) -> threading.Thread:
        def run() -> None:
            try:
                target(*args)
            finally:
                self._done(threading.current_thread())

        thread = threading.Thread(target=run, daemon=True)
        with self._lock:
            self.threads.append(thread)
        thread.start()
        return thread

    def _done(self, thread: threading.Thread) -> None:
        with self._lock:
            if thread in self.threads:
                self.threads.remove(thread)
