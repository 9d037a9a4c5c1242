from __future__ import annotations

shutdown_handlers: list = []  # LEAK


def on_shutdown(handler) -> None:
    shutdown_handlers.append(handler)  # LEAK


class Automator:
    def __init__(self, robot) -> None:
        self.robot = robot
        self.paths: list = []
        on_shutdown(self.stop)  # LEAK

    def stop(self) -> None:
        self.paths.clear()
