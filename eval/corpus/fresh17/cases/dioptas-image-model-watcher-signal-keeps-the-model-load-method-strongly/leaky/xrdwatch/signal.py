import inspect
from typing import Any, Callable, List


class Signal:
    def __init__(self, *types: type) -> None:
        self.types = types
        self.listeners: List[Callable[..., Any]] = []
        self.priority_listeners: List[Callable[..., Any]] = []
        self.blocked = False

    def connect(self, handle: Callable[..., Any], priority: bool = False) -> None:
        if priority:
            self.priority_listeners.insert(0, handle)  # LEAK
        else:
            self.listeners.append(handle)  # LEAK

    def disconnect(self, handle: Callable[..., Any]) -> None:
        for bucket in (self.listeners, self.priority_listeners):
            if handle in bucket:
                bucket.remove(handle)

    def emit(self, *args: Any) -> None:
        if self.blocked:
            return
        for handle in list(self.priority_listeners) + list(self.listeners):
            if isinstance(handle, Signal):
                handle.emit(*args)
            elif len(inspect.signature(handle).parameters) == 0:
                handle()
            else:
                handle(*args)

    def clear(self) -> None:
        self.listeners = []
        self.priority_listeners = []
