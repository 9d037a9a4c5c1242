from typing import Any, Dict, List


class ConversationWindow:
    def __init__(self, session: Any) -> None:
        self.session = session
        self.messages: Dict[str, List[str]] = {}
        session.signals.message.subscribe(self._on_message)
        session.signals.contact_left.subscribe(self._on_contact_left)

    def _on_message(self, cid: str, text: str) -> None:
        self.messages.setdefault(cid, []).append(text)

    def _on_contact_left(self, cid: str) -> None:
        self.messages.pop(cid, None)

    def close(self) -> None:
        self.session.signals.message.unsubscribe(self._on_message)
        self.session.signals.contact_left.unsubscribe(self._on_contact_left)
        self.messages.clear()
