from typing import Any, Optional

from .notify import Notification, notifier


class NotifyWidget:
    def __init__(self, bar: Any, default_timeout: int = 10) -> None:
        self.bar = bar
        self.default_timeout = default_timeout
        self.text = ""
        self.current_id = 0
        self.drawer: Optional[Any] = bar.create_drawer()

    def configure(self) -> None:
        notifier.register(self.update, on_close=self.on_close)  # LEAK

    def update(self, notif: Notification) -> None:
        self.current_id = notif.id - 1
        self.text = notif.summary
        self.bar.draw()

    def on_close(self, nid: int) -> None:
        if self.current_id < len(notifier.notifications) and notifier.notifications[self.current_id].id == nid:
            self.clear()

    def clear(self) -> None:
        self.text = ""
        self.current_id = len(notifier.notifications) - 1
        self.bar.draw()

    def finalize(self) -> None:
        notifier.unregister(self.update)
        self.drawer = None
