import logging
from typing import Any, Callable, Optional, Set

log = logging.getLogger(__name__)


class Disposable:
    def __init__(self, action: Optional[Callable[[], None]] = None) -> None:
        self.action = action

    def dispose(self) -> None:
        if self.action is not None:
            self.action()
            self.action = None


class SingleAssignmentDisposable(Disposable):
    disposable: Any = None


class CompositeDisposable(Disposable):
    def __init__(self, *items: Disposable) -> None:
        super().__init__()
        self.items = list(items)

    def dispose(self) -> None:
        for item in self.items:
            item.dispose()


class QtScheduler:
    def __init__(self, qtcore: Any) -> None:
        self.qtcore = qtcore
        self._timers: Set[Any] = set()

    def _qtimer_schedule(self, seconds: float, action: Callable[..., Any], state: Any, periodic: bool = False) -> Disposable:
        scheduler = self
        msecs = int(seconds * 1000.0)
        sad = SingleAssignmentDisposable()
        periodic_state = [state]

        def interval() -> None:
            if periodic:
                periodic_state[0] = action(periodic_state[0])
            else:
                sad.disposable = action(scheduler, state)

        timer = self.qtcore.QTimer()
        timer.setSingleShot(not periodic)
        timer.timeout.connect(interval)
        timer.setInterval(msecs)
        timer.start()
        self._timers.add(timer)  # LEAK

        def dispose() -> None:
            timer.stop()
            self._timers.remove(timer)

        return CompositeDisposable(sad, Disposable(dispose))

    def schedule(self, action: Callable[..., Any], state: Any = None) -> Disposable:
        return self._qtimer_schedule(0, action, state)

    def schedule_relative(self, seconds: float, action: Callable[..., Any], state: Any = None) -> Disposable:
        return self._qtimer_schedule(seconds, action, state)

    def schedule_periodic(self, seconds: float, action: Callable[[Any], Any], state: Any = None) -> Disposable:
        return self._qtimer_schedule(seconds, action, state, periodic=True)
