from typing import Any, Callable, Dict, List


class Machine:
    def __init__(self) -> None:
        self._hooks: Dict[str, List[Callable[[Any], None]]] = {}
        self._closed = False
        self.add_hook("enter", self.on_enter)

    def add_hook(self, name: str, hook: Callable[[Any], None]) -> None:
        self._hooks.setdefault(name, []).append(hook)

    def fire(self, name: str, state: Any) -> None:
        for hook in self._hooks.get(name, []):
            hook(state)

    def on_enter(self, state: Any) -> None:
        self.state = state

    def close(self) -> None:
        self._hooks.clear()
        self._closed = True
