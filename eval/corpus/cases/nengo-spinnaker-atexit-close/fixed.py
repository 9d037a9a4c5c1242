from __future__ import annotations

import atexit
import weakref


def _weakclose(ref: "weakref.ref[Simulator]") -> None:
    simulator = ref()
    if simulator is not None:
        simulator.close()


class Simulator:
    def __init__(self, network, controller_factory) -> None:
        self.network = network
        self.controller = controller_factory()
        self.probe_data: dict = {}
        atexit.register(_weakclose, weakref.ref(self))

    def close(self) -> None:
        if self.controller is not None:
            self.controller.send_signal("stop")
            self.controller = None
