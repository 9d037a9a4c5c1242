import logging
from typing import Any, Callable, List, Optional

logger = logging.getLogger(__name__)


class Notification:
    def __init__(self, summary: str, body: str = "", timeout: int = -1) -> None:
        self.summary = summary
        self.body = body
        self.timeout = timeout
        self.id = 0


class NotificationManager:
    def __init__(self) -> None:
        self.notifications: List[Notification] = []
        self.callbacks: List[Callable[[Notification], None]] = []
        self.close_callbacks: List[Callable[[int], None]] = []

    def register(self, callback: Callable[[Notification], None], on_close: Optional[Callable[[int], None]] = None) -> None:
        self.callbacks.append(callback)
        if on_close:
            self.close_callbacks.append(on_close)

    def unregister(self, callback: Callable[[Notification], None], on_close: Optional[Callable[[int], None]] = None) -> None:
        try:
            self.callbacks.remove(callback)
        except ValueError:
            logger.error("unknown notify callback")
        if on_close:
            try:
                self.close_callbacks.remove(on_close)
            except ValueError:
                logger.error("unknown notify on_close callback")

    def add(self, notif: Notification) -> int:
        self.notifications.append(notif)
        notif.id = len(self.notifications)
        for callback in self.callbacks:
            try:
                callback(notif)
            except Exception:
                logger.exception("notify callback failed")
        return notif.id

    def close(self, nid: int) -> None:
        for callback in self.close_callbacks:
            try:
                callback(nid)
            except Exception:
                logger.exception("notify close callback failed")


notifier: Any = NotificationManager()
