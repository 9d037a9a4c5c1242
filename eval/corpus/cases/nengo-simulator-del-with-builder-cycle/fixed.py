from __future__ import annotations

import warnings
import weakref


class Model:
    def __init__(self) -> None:
        self.deferred: list = []
        self.simulator = None


def _warn_unclosed(state: dict) -> None:
    if not state["closed"]:
        warnings.warn("Simulator was not closed", ResourceWarning)


class Simulator:
    def __init__(self, network) -> None:
        self._state = {"closed": False}
        self.model = Model()
        self.model.simulator = weakref.proxy(self)
        self.signals = {obj: [0.0] * 1024 for obj in network}
        weakref.finalize(self, _warn_unclosed, self._state)

    def close(self) -> None:
        self._state["closed"] = True
