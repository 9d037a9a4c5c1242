from __future__ import annotations

import atexit


class Simulator:
    def __init__(self, network, controller_factory) -> None:
        self.network = network
        self.controller = controller_factory()
        self.probe_data: dict = {}
        atexit.register(self.close)  # LEAK

    def close(self) -> None:
        if self.controller is not None:
            self.controller.send_signal("stop")
            self.controller = None
