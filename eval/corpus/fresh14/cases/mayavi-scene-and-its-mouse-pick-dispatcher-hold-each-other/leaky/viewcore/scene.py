from typing import Any, Callable, List, Optional

from .pick_dispatcher import PickDispatcher


class Engine:
    def __init__(self) -> None:
        self.scenes: List["Scene"] = []

    def new_scene(self, render_view: Any) -> "Scene":
        scene = Scene(render_view, parent=self)
        self.scenes.append(scene)
        return scene


class Scene:
    def __init__(self, render_view: Any, parent: Engine) -> None:
        self.render_view: Optional[Any] = render_view
        self.parent = parent
        self.children: List[Any] = []
        self._pick_dispatcher: Optional[PickDispatcher] = None

    def on_mouse_pick(self, callback: Callable[[Any], None], kind: str = "point", button: str = "Left") -> Any:
        if self._pick_dispatcher is None:
            self._pick_dispatcher = PickDispatcher(scene=self)  # LEAK
        return self._pick_dispatcher.add_callback(callback, kind, button)

    def close(self) -> None:
        self.render_view = None
