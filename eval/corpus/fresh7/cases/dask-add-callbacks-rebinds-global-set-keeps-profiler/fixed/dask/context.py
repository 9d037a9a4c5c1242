"""Control global computation context."""
from __future__ import annotations

from collections import defaultdict

_globals: defaultdict = defaultdict(lambda: None)
_globals["callbacks"] = set()


class set_options:
    """Set global state within a controlled context."""

    def __init__(self, **kwargs) -> None:
        self.old = _globals.copy()
        _globals.update(kwargs)

    def __enter__(self) -> None:
        return

    def __exit__(self, type, value, traceback) -> None:
        _globals.clear()
        _globals.update(self.old)
