import logging
from typing import Any, Callable, Dict, List, Optional

log = logging.getLogger(__name__)


class Conversation:
    def __init__(self, cid: float, members: List[str]) -> None:
        self.cid = cid
        self.members = members
        self.messages: List[Any] = []

    def on_receive_message(self, message: Any, account: str) -> None:
        self.messages.append((account, message))


class ConversationManager:
    """The conversation window: it only contains other conversations."""

    def __init__(self, session: Any, on_last_close: Callable[[], None]) -> None:
        self.session = session
        self.on_last_close = on_last_close
        self.conversations: Dict[float, Conversation] = {}
        signals = session.signals
        signals.conv_message.subscribe(self._on_message)  # LEAK
        signals.conv_message.subscribe(self._on_user_typing)  # LEAK
        signals.conv_contact_joined.subscribe(self._on_contact_joined)  # LEAK
        signals.conv_contact_left.subscribe(self._on_contact_left)  # LEAK
        signals.conv_group_started.subscribe(self._on_group_started)  # LEAK
        signals.conv_group_ended.subscribe(self._on_group_ended)  # LEAK
        signals.conv_message_send_failed.subscribe(self._on_message_send_failed)  # LEAK
        signals.contact_attr_changed.subscribe(self._on_contact_attr_changed)  # LEAK

    def new_conversation(self, cid: float, members: List[str]) -> Conversation:
        conversation = Conversation(cid, members)
        self.conversations[cid] = conversation
        return conversation

    def _on_message(self, cid: float, account: str, message: Any) -> None:
        conversation = self.conversations.get(float(cid)) or self.new_conversation(float(cid), [account])
        conversation.on_receive_message(message, account)
        self.play_sound("message")

    def _on_user_typing(self, cid: float, account: str, *args: Any) -> None:
        log.debug("%s is typing in %s", account, cid)

    def _on_contact_joined(self, cid: float, account: str) -> None:
        conversation = self.conversations.get(float(cid))
        if conversation is not None:
            conversation.members.append(account)

    def _on_contact_left(self, cid: float, account: str) -> None:
        conversation = self.conversations.get(float(cid))
        if conversation is not None and account in conversation.members:
            conversation.members.remove(account)

    def _on_group_started(self, cid: float) -> None:
        log.debug("group started in %s", cid)

    def _on_group_ended(self, cid: float) -> None:
        log.debug("group ended in %s", cid)

    def _on_message_send_failed(self, cid: float, message: Any) -> None:
        log.warning("message could not be sent in %s", cid)

    def _on_contact_attr_changed(self, account: str, change_type: str, old_value: Any) -> None:
        log.debug("%s changed %s", account, change_type)

    def play_sound(self, name: str) -> None:
        log.info("play %s", name)

    def close(self, conversation: Conversation) -> None:
        del self.conversations[conversation.cid]
        if not self.conversations:
            self.on_last_close()

    def close_all(self) -> None:
        """Close and finish all conversations."""
        for conversation in list(self.conversations.values()):
            self.close(conversation)
