from typing import Any, Callable, Optional

from .widget import WidgetBase


class Button(WidgetBase):
    def __init__(self, win: Any, x: int, y: int, width: int, height: int, on_click: Optional[Callable[[], None]] = None, **kwargs: Any) -> None:
        super().__init__(win, x, y, width, height, **kwargs)
        self.on_click = on_click
        self.pressed = False

    def listen(self, events: Any) -> None:
        for event in events:
            if getattr(event, "type", None) == "click" and self.contains(*event.pos):
                self.pressed = True
                if self.on_click is not None:
                    self.on_click()

    def draw(self) -> None:
        self.win.fill((200, 200, 200), (self._x, self._y, self._width, self._height))
