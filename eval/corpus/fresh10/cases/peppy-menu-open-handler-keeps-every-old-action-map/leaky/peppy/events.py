from __future__ import annotations

from typing import Callable, Dict, List, Tuple

Handler = Callable[[object], None]


class EvtHandler:
    """Keeps the event handlers bound on a window, as a toolkit frame does."""

    def __init__(self) -> None:
        self._bound: Dict[str, List[Handler]] = {}
        self._ranges: Dict[Tuple[int, int, str], Handler] = {}

    def Bind(self, event: str, handler: Handler) -> None:
        self._bound.setdefault(event, []).append(handler)

    def Unbind(self, event: str) -> None:
        self._bound.pop(event, None)

    def Connect(self, first: int, last: int, event: str, handler: Handler) -> None:
        self._ranges[(first, last, event)] = handler

    def Disconnect(self, first: int, last: int, event: str) -> None:
        self._ranges.pop((first, last, event), None)

    def ProcessEvent(self, event: str, payload: object) -> None:
        for handler in self._bound.get(event, []):
            handler(payload)
