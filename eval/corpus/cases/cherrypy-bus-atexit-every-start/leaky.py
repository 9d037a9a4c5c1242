from __future__ import annotations

import atexit


class Bus:
    def __init__(self) -> None:
        self.state = "stopped"
        self.listeners: dict = {}

    def _clean_exit(self) -> None:
        if self.state != "exited":
            self.exit()

    def start(self) -> None:
        atexit.register(self._clean_exit)  # LEAK
        self.state = "started"

    def exit(self) -> None:
        self.state = "exited"
