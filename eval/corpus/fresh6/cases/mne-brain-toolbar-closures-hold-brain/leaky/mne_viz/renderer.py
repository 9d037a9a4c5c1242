from __future__ import annotations

from typing import Callable, Dict, List


class Renderer:
    """The Qt window of one Brain: widgets keep the callbacks they are given."""

    def __init__(self) -> None:
        self._tool_bar_buttons: Dict[str, Callable] = {}
        self._dock_callbacks: List[Callable] = []

    def _tool_bar_add_file_button(self, name: str, desc: str, func: Callable, shortcut: str | None = None) -> None:
        self._tool_bar_buttons[name] = func  # LEAK

    def _dock_add_combo_box(self, name: str, value: str, rng: List[str], callback: Callable) -> None:
        self._dock_callbacks.append(callback)  # LEAK

    def _update(self) -> None:
        pass
