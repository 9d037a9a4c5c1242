from __future__ import annotations

import weakref


class Repeater:
    tasks: "weakref.WeakSet[Repeater]" = weakref.WeakSet()

    def __init__(self, handler, interval: float) -> None:
        self._handler = weakref.WeakMethod(handler)
        self.interval = interval
        Repeater.tasks.add(self)

    def tick(self) -> bool:
        handler = self._handler()
        if handler is None:
            return False
        handler()
        return True


def on_repeat(handler, interval: float) -> Repeater:
    return Repeater(handler, interval)


class StatusWidget:
    def __init__(self, robot) -> None:
        self.robot = robot
        self.label = ""
        self._repeater = on_repeat(self.update, 0.1)

    def update(self) -> None:
        self.label = f"battery {self.robot.battery}%"
