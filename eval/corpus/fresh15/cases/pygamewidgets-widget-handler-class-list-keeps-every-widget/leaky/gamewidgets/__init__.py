from typing import Any, List

from .widget import WidgetHandler


def update(events: List[Any]) -> None:
    WidgetHandler.main(events)
