from itertools import count
from typing import Any, Callable, Dict, Tuple

_ids = count(1)


class Emitter:
    """Keeps every connected handler until it is disconnected, like a GObject."""

    def __init__(self) -> None:
        self._handlers: Dict[int, Tuple[str, Callable[..., Any], tuple]] = {}

    def connect(self, signal: str, handler: Callable[..., Any], *args: Any) -> int:
        handler_id = next(_ids)
        self._handlers[handler_id] = (signal, handler, args)
        return handler_id

    def disconnect(self, handler_id: int) -> None:
        self._handlers.pop(handler_id, None)

    def emit(self, signal: str, *values: Any) -> None:
        for name, handler, args in list(self._handlers.values()):
            if name == signal:
                handler(self, *values, *args)


class Widget(Emitter):
    def destroy(self) -> None:
        self.emit("destroy")


def connect_obj(sender: Emitter, signal: str, handler: Callable[..., Any], *args: Any) -> int:
    return sender.connect(signal, lambda _sender, *values: handler(*args))


def connect_destroy(sender: Emitter, signal: str, handler: Any, *args: Any) -> int:
    """Connect a bound method of a widget and disconnect it when the widget is destroyed."""
    widget = handler.__self__
    handler_id = sender.connect(signal, handler, *args)
    widget.connect("destroy", lambda _widget: sender.disconnect(handler_id))
    return handler_id
