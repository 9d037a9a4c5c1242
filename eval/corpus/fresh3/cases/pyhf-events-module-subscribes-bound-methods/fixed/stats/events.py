from __future__ import annotations

import weakref
from typing import Any, Callable, Dict, List

__events: Dict[str, List[Any]] = {}
__disabled_events: set = set()


def _weak(func: Callable[..., Any]) -> Any:
    # a bound method is kept through WeakMethod so the subscription does not keep its object alive
    if hasattr(func, "__self__"):
        return weakref.WeakMethod(func)
    return weakref.ref(func)


def subscribe(event: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated callable (weakly) to be called when the event is triggered."""
    global __events

    def __decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        __events.setdefault(event, []).append(_weak(func))
        return func

    return __decorator


def trigger(event: str) -> Callable[[], None]:
    def __trigger() -> None:
        if event in __disabled_events:
            return
        alive = []
        for ref in __events.get(event, []):
            func = ref()
            if func is None:
                continue  # its object was collected
            alive.append(ref)
            func()
        __events[event] = alive

    return __trigger
