from __future__ import annotations

from typing import Optional

from peppy.events import EvtHandler
from peppy.menu import UserActionMap


class BufferFrame(EvtHandler):
    """The main window: lives for the whole session and switches modes often."""

    def __init__(self) -> None:
        super().__init__()
        self.menumap: Optional[UserActionMap] = None

    def clearMenumap(self) -> None:
        if self.menumap is not None:
            self.menumap.cleanupAndDelete()
            self.menumap = None

    def setMenumap(self, mode) -> None:
        self.clearMenumap()
        self.menumap = UserActionMap(self, mode)
        self.menumap.updateActions()

    def switchMode(self, mode) -> None:
        self.setMenumap(mode)
