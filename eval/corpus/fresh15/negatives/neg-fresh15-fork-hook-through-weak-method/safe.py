import os
import threading
import weakref


class PeriodicReader:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        weak_reinit = weakref.WeakMethod(self._at_fork_reinit)

        def after_in_child() -> None:
            reinit = weak_reinit()
            if reinit is not None:
                reinit()

        if hasattr(os, "register_at_fork"):
            os.register_at_fork(after_in_child=after_in_child)

    def _at_fork_reinit(self) -> None:
        self._lock = threading.Lock()
