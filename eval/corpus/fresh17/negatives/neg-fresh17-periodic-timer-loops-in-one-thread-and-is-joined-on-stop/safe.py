import threading
from typing import Any, Callable, List, Optional


class EveryTimer(threading.Timer):
    def run(self) -> None:
        while not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)


class Sampler:
    def __init__(self, read: Callable[[], Any], period: float) -> None:
        self.read = read
        self.period = period
        self.values: List[Any] = []
        self._timer: Optional[EveryTimer] = None

    def start(self) -> None:
        if self._timer is not None:
            raise RuntimeError("already sampling")
        self._timer = EveryTimer(self.period, self._take)
        self._timer.daemon = True
        self._timer.start()

    def _take(self) -> None:
        self.values.append(self.read())
        del self.values[:-100]

    def stop(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            timer.join()
