from typing import Any, List

from .button import Button


def build_level_menu(win: Any, levels: List[str]) -> List[Button]:
    """Called every time the menu screen opens; the previous buttons are simply dropped."""
    return [Button(win, 40, 40 + 60 * i, 200, 50) for i, _ in enumerate(levels)]
