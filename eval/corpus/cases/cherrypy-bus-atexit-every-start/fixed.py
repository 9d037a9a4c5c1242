from __future__ import annotations

import atexit


class Bus:
    def __init__(self) -> None:
        self.state = "stopped"
        self.listeners: dict = {}
        self._exit_registered = False

    def _clean_exit(self) -> None:
        if self.state != "exited":
            self.exit()

    def start(self) -> None:
        if not self._exit_registered:
            atexit.register(self._clean_exit)
            self._exit_registered = True
        self.state = "started"

    def exit(self) -> None:
        self.state = "exited"
        if self._exit_registered:
            atexit.unregister(self._clean_exit)
            self._exit_registered = False
