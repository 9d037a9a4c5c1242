from __future__ import annotations

from ..cache import memoized
from .base import Condition

_focused = {"current": None}


@memoized()  # LEAK
def has_focus(value: object) -> Condition:
    """Enable when this buffer or control has the focus."""
    return Condition(lambda: _focused["current"] is value)
