from __future__ import annotations

import weakref
from typing import Callable, Dict


class Toolbar:
    def __init__(self) -> None:
        self.buttons: Dict[str, Callable] = {}

    def add_button(self, name: str, func: Callable) -> None:
        self.buttons[name] = func


class Viewer:
    def __init__(self) -> None:
        self.toolbar = Toolbar()
        weakself = weakref.ref(self)

        def save_image(filename: str) -> None:
            viewer = weakself()
            if viewer is None:
                return
            viewer.save_image(filename)

        self.toolbar.add_button("screenshot", save_image)

    def save_image(self, filename: str) -> None:
        pass
