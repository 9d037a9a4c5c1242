from __future__ import annotations

import weakref
from typing import Any, Optional


class Component:
    def __init__(self, parent: Optional[Any] = None, **config) -> None:
        self.parent = weakref.proxy(parent) if parent is not None else None
        self.config = dict(config)


class Writer(Component):
    def __init__(self, path: str, parent=None) -> None:
        super().__init__(parent=parent)
        self.path = path
        self.rows = []


class Tool(Component):
    def setup(self, path: str) -> None:
        self.writer = Writer(path, parent=self)

    def run(self) -> int:
        self.writer.rows.append(("event", 1))
        return len(self.writer.rows)
