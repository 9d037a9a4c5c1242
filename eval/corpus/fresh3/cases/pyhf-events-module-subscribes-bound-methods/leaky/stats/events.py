from __future__ import annotations

from typing import Any, Callable, Dict

__events: Dict[str, "Callables"] = {}  # LEAK
__disabled_events: set = set()


class Callables(list):
    def __call__(self, *args: Any, **kwargs: Any) -> None:
        for f in self:
            f(*args, **kwargs)

    def __repr__(self) -> str:
        return "Callables(%s)" % list.__repr__(self)


def subscribe(event: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Meant to be used as a decorator: call the function when the event is triggered."""
    global __events

    def __decorator(func: Callable[..., Any]) -> Callable[..., Any]:
        __events.setdefault(event, Callables()).append(func)  # LEAK
        return func

    return __decorator


def trigger(event: str) -> Callable[..., None]:
    def __trigger(*args: Any, **kwargs: Any) -> None:
        if event in __disabled_events:
            return
        __events.get(event, Callables())(*args, **kwargs)

    return __trigger
