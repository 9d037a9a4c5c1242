import warnings
from itertools import count
from typing import Any, Callable, Dict, List

from .signals import SignalTable

DOC_KINDS = ("start", "descriptor", "event", "stop")


class DocumentDispatcher:
    def __init__(self) -> None:
        self.signals = SignalTable(DOC_KINDS)
        self._next_public = count()
        self._public_to_private: Dict[int, List[int]] = {}

    def process(self, kind: str, doc: Dict[str, Any]) -> None:
        for exc in self.signals.emit(kind, kind, doc):
            warnings.warn("consumer raised %r on a %s document" % (exc, kind))

    def subscribe(self, func: Callable[[str, Dict[str, Any]], None], kind: str = "all") -> int:
        kinds = DOC_KINDS if kind == "all" else (kind,)
        private = [self.signals.connect(k, func) for k in kinds]
        public = next(self._next_public)
        self._public_to_private[public] = private
        return public

    def unsubscribe(self, public: int) -> None:
        for private in self._public_to_private.pop(public, []):
            self.signals.disconnect(private)

    def unsubscribe_all(self) -> None:
        for public in list(self._public_to_private.keys()):
            self.unsubscribe(public)


class RunEngine:
    def __init__(self) -> None:
        self.dispatcher = DocumentDispatcher()

    def subscribe(self, func: Callable[[str, Dict[str, Any]], None], kind: str = "all") -> int:
        return self.dispatcher.subscribe(func, kind)

    def unsubscribe(self, token: int) -> None:
        self.dispatcher.unsubscribe(token)
