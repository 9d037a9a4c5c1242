from __future__ import annotations

from typing import ClassVar, Optional, Tuple
from weakref import WeakValueDictionary

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

    _cache: ClassVar["WeakValueDictionary[Tuple[int, int], QMenuItemAction]"] = WeakValueDictionary()

    def __init__(self, menu_item, app, parent: Optional[QObject] = None):
        super().__init__(menu_item.command, app, parent)
        self._menu_item = menu_item
        self.update_from_context(self._app.context)

    @staticmethod
    def _cache_key(app, menu_item) -> Tuple[int, int]:
        return (id(app), hash(menu_item))

    @classmethod
    def create(cls, menu_item, app, parent: Optional[QObject] = None) -> "QMenuItemAction":
        """Return the cached action for this item, or make one (the cache holds it weakly)."""
        key = cls._cache_key(app, menu_item)
        if key in cls._cache:
            found = cls._cache[key]
            found.setParent(parent)
            return found
        cls._cache[key] = obj = cls(menu_item, app, parent)
        return obj

    def update_from_context(self, ctx) -> None:
        expr = self._menu_item.when
        self.setVisible(expr.eval(ctx) if expr else True)
