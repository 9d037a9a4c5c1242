from typing import Any, Optional

from .conversation_manager import ConversationManager


class MainWindow:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.conversation_window: Optional[ConversationManager] = None

    def open_conversation_window(self) -> ConversationManager:
        if self.conversation_window is None:
            self.conversation_window = ConversationManager(self.session, self.on_last_close)
        return self.conversation_window

    def on_last_close(self) -> None:
        self.conversation_window = None

    def close_conversation_window(self) -> None:
        if self.conversation_window is not None:
            self.conversation_window.close_all()
            self.conversation_window = None
