from __future__ import annotations

import sys
import traceback
from typing import Any


class ExceptionInfo:
    """Keeps the exception triple of a failed task for the caller."""

    def __init__(self, exc_info: tuple) -> None:
        self.type, self.exception, self.tb = exc_info
        self.traceback = "".join(traceback.format_exception(*exc_info))


class BaseBackend:
    def __init__(self) -> None:
        self._results: dict[str, Any] = {}

    def mark_as_failure(self, task_id: str, exc: BaseException, traceback_text: str | None = None) -> None:
        self._results[task_id] = {"status": "FAILURE", "result": repr(exc), "traceback": traceback_text}

    def fail_from_current_stack(self, task_id: str, exc: BaseException | None = None) -> ExceptionInfo:
        type_, real_exc, tb = sys.exc_info()  # LEAK
        try:
            exc = real_exc if exc is None else exc
            exception_info = ExceptionInfo((type_, exc, tb))  # LEAK
            self.mark_as_failure(task_id, exc, exception_info.traceback)
            return exception_info
        finally:
            del tb

    def chord_error_from_stack(self, callback_id: str, errbacks: list, exc: BaseException | None = None) -> ExceptionInfo:
        try:
            for errback in errbacks:
                errback(callback_id)
        except Exception as eb_exc:
            return self.fail_from_current_stack(callback_id, exc=eb_exc)
        return self.fail_from_current_stack(callback_id, exc=exc)
