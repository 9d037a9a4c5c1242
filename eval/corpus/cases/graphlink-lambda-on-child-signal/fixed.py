from __future__ import annotations

import weakref


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


def _export(menu_ref: "weakref.ref[ChatNodeContextMenu]", fmt: str) -> None:
    menu = menu_ref()
    if menu is not None:
        menu.export(fmt)


class ChatNodeContextMenu:
    def __init__(self, node) -> None:
        self.node = node
        self.actions: list = []
        menu_ref = weakref.ref(self)
        for fmt in ("md", "html", "pdf"):
            action = Action(f"Export as {fmt}")
            action.triggered.connect(lambda checked=False, f=fmt: _export(menu_ref, f))
            self.actions.append(action)

    def export(self, fmt: str) -> None:
        self.node.export(fmt)
