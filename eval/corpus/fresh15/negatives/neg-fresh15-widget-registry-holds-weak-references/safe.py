import weakref
from typing import Any, List


class Widget:
    _registry: "weakref.WeakSet[Widget]" = weakref.WeakSet()

    def __init__(self, x: int, y: int) -> None:
        self.x = x
        self.y = y
        self.clicks = 0
        Widget._registry.add(self)

    def listen(self, events: List[Any]) -> None:
        self.clicks += sum(1 for event in events if getattr(event, "pos", None) == (self.x, self.y))


def dispatch(events: List[Any]) -> None:
    for widget in list(Widget._registry):
        widget.listen(events)
