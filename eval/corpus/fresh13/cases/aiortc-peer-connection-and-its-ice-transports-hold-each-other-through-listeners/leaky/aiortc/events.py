from typing import Any, Callable, Dict, List


class EventEmitter:
    """A tiny pyee-style emitter: listeners are held strongly until removed."""

    def __init__(self) -> None:
        self._events: Dict[str, List[Callable[..., Any]]] = {}

    def on(self, event: str, f: Callable[..., Any]) -> Callable[..., Any]:
        self._events.setdefault(event, []).append(f)
        return f

    def emit(self, event: str, *args: Any) -> None:
        for f in list(self._events.get(event, [])):
            f(*args)

    def remove_all_listeners(self, event: str = None) -> None:
        if event is None:
            self._events = {}
        else:
            self._events.pop(event, None)
