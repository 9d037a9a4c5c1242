from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, DefaultDict, List


class CallbackManager:
    def __init__(self) -> None:
        self.callbacks: DefaultDict[str, List[Callable[..., Any]]] = defaultdict(list)  # LEAK

    def register_callback(self, func: Callable[..., Any], events: List[str]) -> None:
        for event in events:
            self.callbacks[event].append(func)  # LEAK

    def unregister_callback(self, func: Callable[..., Any]) -> None:
        for callbacks in self.callbacks.values():
            if func in callbacks:
                callbacks.remove(func)

    def trigger_callback(self, event: str, *args: Any) -> None:
        for func in list(self.callbacks.get(event, [])):
            func(event, *args)


callback_mgr = CallbackManager()


class EventListener:
    def register_callbacks(self) -> None:
        callback_mgr.register_callback(self.on_event, ["blockchain_updated", "adb_added_tx"])  # LEAK

    def unregister_callbacks(self) -> None:
        callback_mgr.unregister_callback(self.on_event)

    def on_event(self, event: str, *args: Any) -> None:
        pass


class Wallet(EventListener):
    def __init__(self, path: str) -> None:
        self.path = path
        self.history: List[Any] = []
        self.register_callbacks()

    def start_network(self) -> None:
        pass

    def stop(self) -> None:
        self.unregister_callbacks()


def check_password_for_directory(paths: List[str], password: str) -> int:
    # constructs wallets only to test the password; never starts or stops them
    return sum(1 for path in paths if Wallet(path).path and password)
