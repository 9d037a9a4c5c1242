from itertools import count
from typing import Any, Callable, Dict, List


class Hub:
    def __init__(self) -> None:
        self._ids = count()
        self._handlers: Dict[int, Callable[..., Any]] = {}

    def connect(self, func: Callable[..., Any]) -> int:
        cid = next(self._ids)
        self._handlers[cid] = func
        return cid

    def disconnect(self, cid: int) -> None:
        self._handlers.pop(cid, None)


class Dispatcher:
    def __init__(self, hub: Hub) -> None:
        self._hub = hub
        self._tokens = count()
        self._subscriptions: Dict[int, List[int]] = {}

    def subscribe(self, func: Callable[..., Any], kinds: int = 4) -> int:
        token = next(self._tokens)
        self._subscriptions[token] = [self._hub.connect(func) for _ in range(kinds)]
        return token

    def unsubscribe(self, token: int) -> None:
        for cid in self._subscriptions.pop(token, []):
            self._hub.disconnect(cid)

    def unsubscribe_all(self) -> None:
        for token in list(self._subscriptions):
            self.unsubscribe(token)
