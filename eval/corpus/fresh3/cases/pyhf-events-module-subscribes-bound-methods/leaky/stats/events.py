from __future__ import annotations

from typing import Any, Callable, Dict, List

__events: Dict[str, List[Callable[..., Any]]] = {}  # LEAK
__disabled_events: set = set()


def subscribe(event: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated callable to be called when the event is triggered."""
    global __events

    def __decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        __events.setdefault(event, []).append(func)  # LEAK
        return func

    return __decorator


def trigger(event: str) -> Callable[[], None]:
    def __trigger() -> None:
        if event in __disabled_events:
            return
        for func in __events.get(event, []):
            func()

    return __trigger
