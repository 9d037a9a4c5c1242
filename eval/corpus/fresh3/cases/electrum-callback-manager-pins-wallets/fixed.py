from __future__ import annotations

import weakref
from collections import defaultdict
from typing import Any, Callable, DefaultDict, List, Set


class CallbackManager:
    def __init__(self) -> None:
        # instance methods are held weakly: an unregistered listener can still be collected
        self.callbacks: DefaultDict[str, Set[Any]] = defaultdict(set)

    @staticmethod
    def _ref(func: Callable[..., Any]) -> Any:
        return weakref.WeakMethod(func) if hasattr(func, "__self__") else func

    def register_callback(self, func: Callable[..., Any], events: List[str]) -> None:
        ref = self._ref(func)
        for event in events:
            self.callbacks[event].add(ref)

    def unregister_callback(self, func: Callable[..., Any]) -> None:
        ref = self._ref(func)
        for callbacks in self.callbacks.values():
            callbacks.discard(ref)

    def trigger_callback(self, event: str, *args: Any) -> None:
        for ref in list(self.callbacks.get(event, ())):
            func = ref() if isinstance(ref, weakref.WeakMethod) else ref
            if func is None:
                self.callbacks[event].discard(ref)
                continue
            func(event, *args)


callback_mgr = CallbackManager()


class EventListener:
    def register_callbacks(self) -> None:
        callback_mgr.register_callback(self.on_event, ["blockchain_updated", "adb_added_tx"])

    def unregister_callbacks(self) -> None:
        callback_mgr.unregister_callback(self.on_event)

    def on_event(self, event: str, *args: Any) -> None:
        pass

    def __del__(self) -> None:
        # fallback: a listener that is collected removes its (dead) entries
        self.unregister_callbacks()


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
