from __future__ import annotations


class Signal:
    def __init__(self) -> None:
        self._slots: list = []

    def connect(self, slot) -> None:
        self._slots.append(slot)

    def emit(self, *args) -> None:
        for slot in self._slots:
            slot(*args)


class Action:
    def __init__(self, text: str) -> None:
        self.text = text
        self.triggered = Signal()


class ChatNodeContextMenu:
    def __init__(self, node) -> None:
        self.node = node
        self.actions: list = []
        for fmt in ("md", "html", "pdf"):
            action = Action(f"Export as {fmt}")
            action.triggered.connect(lambda checked=False, f=fmt: self.export(f))  # LEAK
            self.actions.append(action)

    def export(self, fmt: str) -> None:
        self.node.export(fmt)
