from __future__ import annotations

import warnings


class Model:
    def __init__(self) -> None:
        self.deferred: list = []
        self.simulator = None


class Simulator:
    def __init__(self, network) -> None:
        self.closed = False
        self.model = Model()
        self.model.simulator = self  # LEAK
        self.signals = {obj: [0.0] * 1024 for obj in network}

    def close(self) -> None:
        self.closed = True

    def __del__(self) -> None:  # LEAK
        if not self.closed:
            warnings.warn("Simulator was not closed", ResourceWarning)
