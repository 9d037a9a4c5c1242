from __future__ import annotations


class World3dCanvas:
    def __init__(self, world_panel: "World3DPanel", world) -> None:
        self.world = world
        self.size = world_panel.client_size()
        self._keys_pressed: set[str] = set()
        world_panel.bind("size", self._on_resize)

    def _on_resize(self, event) -> None:
        self.size = event.size


class World3DPanel:
    def __init__(self, world) -> None:
        self._handlers: dict[str, list] = {}
        self._canvas = World3dCanvas(self, world)

    def client_size(self) -> tuple[int, int]:
        return (800, 600)

    def bind(self, event: str, handler) -> None:
        self._handlers.setdefault(event, []).append(handler)
