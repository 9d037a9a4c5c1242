from __future__ import annotations

import traceback


class PendingException:
    def __init__(self, exc_type: type, traceback_lines: list) -> None:
        self.exc_type = exc_type
        self.traceback_lines = traceback_lines


class Runtime:
    def __init__(self) -> None:
        self._pending_exceptions: list = []

    def launch(self, task) -> None:
        try:
            task.execute()
        except Exception as exc:
            lines = traceback.format_tb(exc.__traceback__)
            self._pending_exceptions.append(PendingException(type(exc), lines))

    def raise_pending(self) -> None:
        if self._pending_exceptions:
            pending = self._pending_exceptions.pop(0)
            raise pending.exc_type("deferred task failure:\n" + "".join(pending.traceback_lines))
