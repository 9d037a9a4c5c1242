from __future__ import annotations

from logging import getLogger
from typing import Any, Optional


class Configurable:
    def __init__(self, parent: Optional[Any] = None, config: Optional[dict] = None, **kwargs) -> None:
        self.parent = parent  # LEAK
        self.config = dict(config or (parent.config if parent is not None else {}))
        for key, value in kwargs.items():
            setattr(self, key, value)


class Component(Configurable):
    """Base class of configurable algorithms; a component's parent is the tool or component that owns it."""

    def __init__(self, config: Optional[dict] = None, parent: Optional[Any] = None, **kwargs) -> None:
        super().__init__(parent=parent, config=config, **kwargs)
        self.log = getLogger(self.__class__.__module__ + "." + self.__class__.__name__)
