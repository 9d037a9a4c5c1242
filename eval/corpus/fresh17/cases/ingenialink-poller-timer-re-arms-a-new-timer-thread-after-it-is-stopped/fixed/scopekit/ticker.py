import threading
from typing import Any, Callable


class TickTimer(threading.Timer):
    def __init__(self, period: float, on_tick: Callable[..., Any]) -> None:
        super().__init__(period, on_tick)
        self.period = period
        self.on_tick = on_tick

    def run(self) -> None:
        while not self.finished.wait(self.period):
            self.on_tick(*self.args, **self.kwargs)
