from __future__ import annotations

import sys
from typing import Any, Callable


def raise_exc_info(exc_info: tuple) -> None:
    raise exc_info[1].with_traceback(exc_info[2])  # LEAK


class Runner:
    def __init__(self, step: Callable[[], Any]) -> None:
        self.step = step
        self.result: Any = None

    def run(self) -> None:
        try:
            self.result = self.step()
        except Exception:
            exc_info = sys.exc_info()  # LEAK
            self.fail(exc_info)

    def fail(self, exc_info: tuple) -> None:
        raise_exc_info(exc_info)
