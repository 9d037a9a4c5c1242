from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Callable


class WorkItem:
    def __init__(self, future: Future, fn: Callable[..., Any], args: tuple) -> None:
        self.future = future
        self.fn = fn
        self.args = args

    def run(self) -> None:
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args)
        except BaseException as exc:
            self.future.set_exception(exc)  # LEAK
        else:
            self.future.set_result(result)
