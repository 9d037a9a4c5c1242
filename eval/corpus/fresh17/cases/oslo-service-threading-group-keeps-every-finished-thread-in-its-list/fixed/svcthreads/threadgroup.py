import logging
import threading
from typing import Any, Callable

from .base import ThreadGroupBase

LOG = logging.getLogger(__name__)


class Thread:
    def __init__(self, thread: threading.Thread, group: "ThreadGroup") -> None:
        self.thread = thread
        self.group = group

    def wait(self) -> None:
        self.thread.join()


class ThreadGroup(ThreadGroupBase):
    def __init__(self, max_threads: int = 1000) -> None:
        super().__init__(thread_pool_size=max_threads)
        self._lock = threading.Lock()

    def add_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Thread:
        def run_and_cleanup(*cb_args: Any, **cb_kwargs: Any) -> None:
            try:
                callback(*cb_args, **cb_kwargs)
            finally:
                self.thread_done(threading.current_thread())

        with self._lock:
            if len(self.threads) >= self.thread_pool_size:
                raise RuntimeError("Maximum number of threads reached")
            t = threading.Thread(target=run_and_cleanup, args=args, kwargs=kwargs)
            t.args = args  # type: ignore[attr-defined]
            t.kw = kwargs  # type: ignore[attr-defined]
            self.threads.append(t)
        t.start()
        return Thread(t, group=self)

    def thread_done(self, thread: threading.Thread) -> None:
        """Remove a completed thread from the group."""
        with self._lock:
            try:
                self.threads.remove(thread)
            except ValueError:
                pass

    def _stop_threads(self) -> None:
        current = threading.current_thread()
        with self._lock:
            self.threads = [t for t in self.threads if t is current]

    def _wait_threads(self) -> None:
        current = threading.current_thread()
        with self._lock:
            threads_copy = list(self.threads)
        for t in threads_copy:
            if t is not current:
                try:
                    t.join()
                except Exception:
                    LOG.exception("Error waiting on thread.")
