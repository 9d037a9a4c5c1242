import weakref
from collections import defaultdict
from typing import Any, Callable, DefaultDict, List, Tuple


class Emitter:
    def __init__(self) -> None:
        self._handlers: DefaultDict[str, List[Tuple[Callable[..., Any], "weakref.ref[Emitter]"]]] = defaultdict(list)

    def on(self, event: str, handler: Callable[..., Any]) -> None:
        self._handlers[event].append((handler, weakref.ref(self)))

    def emit(self, event: str, *args: Any) -> None:
        for handler, owner_ref in self._handlers[event]:
            owner = owner_ref()
            if owner is not None:
                handler(owner, *args)
