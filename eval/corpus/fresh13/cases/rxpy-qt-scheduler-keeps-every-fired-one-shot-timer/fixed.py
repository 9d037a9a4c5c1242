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
        self._periodic_timers: Set[Any] = set()

    def schedule(self, action: Callable[..., Any], state: Any = None) -> Disposable:
        return self.schedule_relative(0.0, action, state)

    def schedule_relative(self, seconds: float, action: Callable[..., Any], state: Any = None) -> Disposable:
        scheduler = self
        msecs = int(seconds * 1000.0)
        sad = SingleAssignmentDisposable()
        is_disposed = False

        def invoke_action() -> None:
            if not is_disposed:
                sad.disposable = action(scheduler, state)

        # the static single-shot timer is owned by Qt, not by the scheduler
        self.qtcore.QTimer.singleShot(msecs, invoke_action)

        def dispose() -> None:
            nonlocal is_disposed
            is_disposed = True

        return CompositeDisposable(sad, Disposable(dispose))

    def schedule_periodic(self, seconds: float, action: Callable[[Any], Any], state: Any = None) -> Disposable:
        msecs = int(seconds * 1000.0)
        periodic_state = state

        def interval() -> None:
            nonlocal periodic_state
            periodic_state = action(periodic_state)

        timer = self.qtcore.QTimer()
        timer.setSingleShot(False)
        timer.timeout.connect(interval)
        timer.setInterval(msecs)
        self._periodic_timers.add(timer)
        timer.start()

        def dispose() -> None:
            timer.stop()
            self._periodic_timers.remove(timer)
            timer.deleteLater()

        return Disposable(dispose)
