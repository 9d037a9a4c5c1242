from __future__ import annotations


class PendingException:
    def __init__(self, exc_type: type, traceback) -> None:
        self.exc_type = exc_type
        self.traceback = traceback


class Runtime:
    def __init__(self) -> None:
        self._pending_exceptions: list = []

    def launch(self, task) -> None:
        try:
            task.execute()
        except Exception as exc:
            self._pending_exceptions.append(PendingException(type(exc), exc.__traceback__))  # LEAK

    def raise_pending(self) -> None:
        if self._pending_exceptions:
            pending = self._pending_exceptions.pop(0)
            raise pending.exc_type("deferred task failure")
