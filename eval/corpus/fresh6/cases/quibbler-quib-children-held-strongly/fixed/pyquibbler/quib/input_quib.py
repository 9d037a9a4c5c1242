from __future__ import annotations

from typing import Any

from .quib import Quib


class InputQuib(Quib):
    """A quib holding a value the user can assign to; everything computed from it is its child."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self._value = value

    def get_value(self) -> Any:
        return self._value

    def assign(self, value: Any) -> None:
        self._value = value
        self.invalidate_and_redraw()

    def _invalidate(self) -> None:
        pass
