from __future__ import annotations

import inspect
import weakref

shutdown_handlers: list = []


def on_shutdown(handler) -> None:
    if inspect.ismethod(handler):
        ref = weakref.WeakMethod(handler, lambda dead: shutdown_handlers.remove(dead))
        shutdown_handlers.append(ref)
    else:
        shutdown_handlers.append(lambda: handler)


class Automator:
    def __init__(self, robot) -> None:
        self.robot = robot
        self.paths: list = []
        on_shutdown(self.stop)

    def stop(self) -> None:
        self.paths.clear()
