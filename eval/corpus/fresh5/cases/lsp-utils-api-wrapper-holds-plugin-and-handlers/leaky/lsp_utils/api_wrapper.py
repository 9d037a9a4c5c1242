from __future__ import annotations

from typing import Any, Callable, Dict

ApiNotificationHandler = Callable[[Any], None]


class ApiWrapper:
    def __init__(self, plugin) -> None:
        self.__plugin = plugin  # LEAK
        self._handlers: Dict[str, ApiNotificationHandler] = {}

    def on_notification(self, method: str, handler: ApiNotificationHandler) -> None:
        self._handlers[method] = handler  # LEAK

    def dispatch(self, method: str, params: Any) -> None:
        handler = self._handlers.get(method)
        if handler:
            handler(params)

    def send_notification(self, method: str, params: Any) -> None:
        session = self.__plugin.weaksession()
        if session:
            session.send_notification(method, params)
