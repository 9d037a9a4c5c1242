from abc import ABC, abstractmethod
from typing import Any, List


class WidgetBase(ABC):
    def __init__(self, win: Any, x: int, y: int, width: int, height: int, isSubWidget: bool = False) -> None:
        self.win = win
        self._x, self._y, self._width, self._height = x, y, width, height
        self._hidden = False
        self._isSubWidget = isSubWidget
        if not isSubWidget:
            WidgetHandler.addWidget(self)

    @abstractmethod
    def listen(self, events: Any) -> None: ...

    @abstractmethod
    def draw(self) -> None: ...

    def contains(self, x: int, y: int) -> bool:
        return self._x <= x < self._x + self._width and self._y <= y < self._y + self._height

    def hide(self) -> None:
        self._hidden = True
        if not self._isSubWidget:
            WidgetHandler.removeWidget(self)

    def show(self) -> None:
        self._hidden = False
        if not self._isSubWidget:
            WidgetHandler.addWidget(self)


class WidgetHandler:
    _widgets: List[WidgetBase] = []

    @staticmethod
    def main(events: Any) -> None:
        for widget in WidgetHandler._widgets[::-1]:
            widget.listen(events)
        for widget in WidgetHandler._widgets:
            widget.draw()

    @staticmethod
    def addWidget(widget: WidgetBase) -> None:
        if widget not in WidgetHandler._widgets:
            WidgetHandler._widgets.append(widget)  # LEAK

    @staticmethod
    def removeWidget(widget: WidgetBase) -> None:
        try:
            WidgetHandler._widgets.remove(widget)
        except ValueError:
            pass

    @staticmethod
    def moveToTop(widget: WidgetBase) -> None:
        WidgetHandler.removeWidget(widget)
        WidgetHandler.addWidget(widget)
