from __future__ import annotations

import threading
from typing import Any, Callable, List

from ..helper import MethodDecoratorAdaptor, auto_adapt_to_methods


class _ThreadWrapper:
    def __init__(self, func: Callable[..., Any], n_workers: int = 4, daemon: bool = False) -> None:
        self.func = func
        self.n_workers = n_workers
        self.daemon = daemon
        self._results: List[Any] = []
        self._threads: List[threading.Thread] = []

    def scatter(self, *args: Any, **kwargs: Any) -> None:
        index = len(self._results)
        self._results.append(None)

        def run() -> None:
            self._results[index] = self.func(*args, **kwargs)

        thread = threading.Thread(target=run, daemon=self.daemon)
        thread.start()
        self._threads.append(thread)

    def gather(self) -> List[Any]:
        for thread in self._threads:
            thread.join()
        self._threads.clear()
        results, self._results = self._results, []
        return results

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.func(*args, **kwargs)


def thread(max_workers=None, daemon=None):
    @auto_adapt_to_methods
    def wrapper(func):
        return _ThreadWrapper(func, n_workers=max_workers, daemon=daemon)

    if isinstance(max_workers, int):
        return wrapper
    func = max_workers
    return MethodDecoratorAdaptor(_ThreadWrapper, func)
