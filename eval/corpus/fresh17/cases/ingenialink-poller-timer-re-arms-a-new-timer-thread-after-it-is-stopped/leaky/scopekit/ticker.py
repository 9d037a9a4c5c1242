import threading
from typing import Any, Callable


class TickTimer:
    def __init__(self, period: float, on_tick: Callable[..., Any]) -> None:
        self.period = period
        self.on_tick = on_tick
        self.thread = threading.Timer(self.period, self._fire)

    def _fire(self) -> None:
        self.on_tick()
        self.thread = threading.Timer(self.period, self._fire)  # LEAK
        self.thread.start()

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.thread.cancel()
        if self.thread.is_alive():
            self.thread.join()
