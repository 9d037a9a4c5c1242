from __future__ import annotations

from typing import Dict, List

MENU_SELECTED = "command_menu_selected"
UPDATE_UI = "update_ui"
MENU_OPEN = "menu_open"


class UserActionMap:
    """The menus, toolbars and actions of one major mode in one frame."""

    def __init__(self, frame, mode) -> None:
        self.frame = frame
        self.mode = mode
        self.class_list: List[type] = list(mode.action_classes)
        self.actions: Dict[int, object] = {}
        self.min_id = 1000
        self.max_id = 1000

    def updateActions(self) -> None:
        for offset, action_class in enumerate(self.class_list):
            self.actions[self.min_id + offset] = action_class(self.frame)
        self.max_id = self.min_id + len(self.actions)
        self.connectEvents()

    def cleanupPrevious(self) -> None:
        self.disconnectEvents()
        self.actions = {}

    def cleanupAndDelete(self) -> None:
        self.cleanupPrevious()

    def disconnectEvents(self) -> None:
        self.frame.Disconnect(self.min_id, self.max_id, MENU_SELECTED)
        self.frame.Disconnect(self.min_id, self.max_id, UPDATE_UI)

    def connectEvents(self) -> None:
        self.frame.Connect(self.min_id, self.max_id, MENU_SELECTED, self.OnMenuSelected)
        self.frame.Connect(self.min_id, self.max_id, UPDATE_UI, self.OnUpdateUI)
        self.frame.Bind(MENU_OPEN, self.OnMenuOpen)  # LEAK

    def OnMenuSelected(self, evt) -> None:
        action = self.actions.get(getattr(evt, "id", -1))
        if action is not None:
            action.action()

    def OnUpdateUI(self, evt) -> None:
        pass

    def OnMenuOpen(self, evt) -> None:
        for action in self.actions.values():
            action.showEnable()
