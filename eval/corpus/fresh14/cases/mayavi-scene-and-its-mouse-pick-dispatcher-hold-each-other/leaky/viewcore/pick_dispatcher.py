from typing import Any, Callable, Dict, List, Tuple

PickCallback = Callable[[Any], None]


class PickDispatcher:
    """Wires render-window observers so that callbacks run on a click without motion."""

    def __init__(self, scene: Any) -> None:
        self.scene = scene  # LEAK
        self.callbacks: List[Tuple[PickCallback, str, str]] = []
        self._active_pickers: Dict[str, Any] = {}
        self._observer_ids: Dict[str, int] = {}
        self._moved = False

    def add_callback(self, callback: PickCallback, kind: str, button: str) -> Any:
        self.callbacks.append((callback, kind, button))
        render_view = self.scene.render_view
        picker = render_view.pickers[kind]
        self._active_pickers[kind] = picker
        if kind not in self._observer_ids:
            self._observer_ids[kind] = picker.add_observer("EndPick", self.on_pick)
        if button not in self._observer_ids:
            self._observer_ids[button] = render_view.interactor.add_observer(button + "Press", self.on_press)
        return picker

    def on_press(self, *args: Any) -> None:
        self._moved = False

    def on_pick(self, picker: Any, *args: Any) -> None:
        for callback, kind, _button in self.callbacks:
            if self._active_pickers.get(kind) is picker and not self._moved:
                callback(picker)
