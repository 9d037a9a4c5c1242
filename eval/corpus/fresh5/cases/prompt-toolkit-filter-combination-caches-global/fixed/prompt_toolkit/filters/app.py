from __future__ import annotations

from .base import Condition

_focused = {"current": None}


# not memoized: the cache would be global and would refer to every buffer or control ever passed
def has_focus(value: object) -> Condition:
    """Enable when this buffer or control has the focus."""
    return Condition(lambda: _focused["current"] is value)
