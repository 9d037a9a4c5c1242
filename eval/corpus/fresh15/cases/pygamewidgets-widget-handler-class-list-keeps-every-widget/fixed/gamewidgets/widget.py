import weakref
from abc import ABC, abstractmethod
from collections import OrderedDict
from typing import Any, Iterator


class OrderedWeakSet:
    """Keeps insertion order; an entry goes away with its object."""

    def __init__(self) -> None:
        self._data: "OrderedDict[weakref.ref, None]" = OrderedDict()

    def _remove(self, ref: "weakref.ref") -> None:
        self._data.pop(ref, None)

    def add(self, item: Any) -> None:
        self._data[weakref.ref(item, self._remove)] = None

    def discard(self, item: Any) -> None:
        self._data.pop(weakref.ref(item), None)

    def move_to_end(self, item: Any) -> None:
        self._data.move_to_end(weakref.ref(item))

    def __contains__(self, item: Any) -> bool:
        return weakref.ref(item) in self._data

    def __iter__(self) -> Iterator[Any]:
        for ref in list(self._data):
            item = ref()
            if item is not None:
                yield item


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
    _widgets = OrderedWeakSet()

    @staticmethod
    def main(events: Any) -> None:
        for widget in list(WidgetHandler._widgets)[::-1]:
            widget.listen(events)
        for widget in WidgetHandler._widgets:
            widget.draw()

    @staticmethod
    def addWidget(widget: WidgetBase) -> None:
        if widget not in WidgetHandler._widgets:
            WidgetHandler._widgets.add(widget)

    @staticmethod
    def removeWidget(widget: WidgetBase) -> None:
        WidgetHandler._widgets.discard(widget)

    @staticmethod
    def moveToTop(widget: WidgetBase) -> None:
        WidgetHandler._widgets.move_to_end(widget)
