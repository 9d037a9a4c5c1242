from __future__ import annotations

from events import window


class HoverWidget:
    def __init__(self) -> None:
        self.hovered = False
        self.pos = (0, 0)
        window.bind(mouse_pos=self.update_pos)  # LEAK

    def update_pos(self, win, pos) -> None:
        self.hovered = pos == self.pos
