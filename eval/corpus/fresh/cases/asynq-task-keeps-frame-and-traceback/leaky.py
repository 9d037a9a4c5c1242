from __future__ import annotations

import sys
from typing import Any, Generator


class AsyncTask:
    def __init__(self, generator: Generator) -> None:
        self._generator = generator
        self._frame = generator.gi_frame  # LEAK
        self._error: BaseException | None = None
        self._traceback = None
        self._value: Any = None

    def step(self, sent: Any = None) -> bool:
        try:
            self._generator.send(sent)
        except StopIteration as stop:
            self._computed(stop.value, None)
            return True
        except Exception as error:
            self._traceback = sys.exc_info()[2]  # LEAK
            self._computed(None, error)
            return True
        return False

    def _computed(self, value: Any, error: BaseException | None) -> None:
        self._value = value
        self._error = error  # LEAK
