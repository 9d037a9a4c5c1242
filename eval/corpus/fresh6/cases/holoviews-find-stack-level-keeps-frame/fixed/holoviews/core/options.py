from __future__ import annotations

from ..util.warnings import HoloviewsUserWarning, warn


class Options:
    def __init__(self, key: str, **kwargs) -> None:
        self.key = key
        self.kwargs = {}
        for name, value in kwargs.items():
            if name.startswith("_"):
                warn(f"Option {name!r} for {key} is private and was ignored.", HoloviewsUserWarning)
                continue
            self.kwargs[name] = value
