from __future__ import annotations

import contextlib
from typing import ClassVar, Dict, Optional, Tuple

from qtpy.QtCore import QObject
from qtpy.QtWidgets import QAction


class QCommandRuleAction(QAction):
    def __init__(self, command, app, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._app = app
        self._command = command
        self.setText(command.title)


class QMenuItemAction(QCommandRuleAction):
    """QAction for a menu item, aware of the item's `when` clause."""

    _cache: ClassVar[Dict[Tuple[int, int], "QMenuItemAction"]] = {}

    def __new__(cls, menu_item, app, parent: Optional[QObject] = None, *, cache: bool = True):
        key = (id(app), hash(menu_item))
        if cache and key in cls._cache:
            return cls._cache[key]
        self = super().__new__(cls)
        if cache:
            cls._cache[key] = self  # LEAK
        return self

    def __init__(self, menu_item, app, parent: Optional[QObject] = None, *, cache: bool = True):
        initialized = False
        with contextlib.suppress(RuntimeError):
            initialized = getattr(self, "_initialized", False)
        if not initialized:
            super().__init__(menu_item.command, app, parent)
            self._menu_item = menu_item
            key = (id(self._app), hash(menu_item))
            self.destroyed.connect(lambda: QMenuItemAction._cache.pop(key, None))
            self._app.destroyed.connect(lambda: QMenuItemAction._cache.pop(key, None))  # LEAK
            self._initialized = True
        self.update_from_context(self._app.context)

    def update_from_context(self, ctx) -> None:
        expr = self._menu_item.when
        self.setVisible(expr.eval(ctx) if expr else True)
