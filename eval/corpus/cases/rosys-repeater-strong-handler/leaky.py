from __future__ import annotations


class Repeater:
    tasks: list = []  # LEAK

    def __init__(self, handler, interval: float) -> None:
        self.handler = handler
        self.interval = interval
        Repeater.tasks.append(self)  # LEAK


def on_repeat(handler, interval: float) -> Repeater:
    return Repeater(handler, interval)


class StatusWidget:
    def __init__(self, robot) -> None:
        self.robot = robot
        self.label = ""
        on_repeat(self.update, 0.1)  # LEAK

    def update(self) -> None:
        self.label = f"battery {self.robot.battery}%"
