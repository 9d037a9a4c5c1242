from __future__ import annotations

import threading


class Watchdog(threading.Thread):
    def __init__(self, folder: str) -> None:
        super().__init__(name=f"watchdog-{folder}")
        self.folder = folder
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(1.0):
            pass

    def stop(self) -> None:
        self._stop_event.set()


class DirectEdit:
    def __init__(self, folder: str) -> None:
        self.folder = folder
        self._watchdog = None

    def start_watchdog(self) -> None:
        self._watchdog = Watchdog(self.folder)  # LEAK
        self._watchdog.start()  # LEAK

    def stop_watchdog(self) -> None:
        if self._watchdog is not None and self._watchdog.is_alive():
            self._watchdog.stop()
        self._watchdog = None
