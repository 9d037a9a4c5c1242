from typing import Any, Callable, Dict, List


class Emitter:
    def __init__(self) -> None:
        self.listeners: Dict[str, List[Callable[[], Any]]] = {}

    def on(self, event: str, f: Callable[[], Any]) -> None:
        self.listeners.setdefault(event, []).append(f)

    def remove_all_listeners(self) -> None:
        self.listeners = {}


class Connection(Emitter):
    def __init__(self) -> None:
        super().__init__()
        self.transport = Emitter()
        self.transport.on("statechange", self._on_state)

    def _on_state(self) -> None:
        pass

    def close(self) -> None:
        self.transport.remove_all_listeners()
        self.remove_all_listeners()
