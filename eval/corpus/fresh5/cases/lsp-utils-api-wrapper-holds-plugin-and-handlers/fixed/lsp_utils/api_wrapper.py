from __future__ import annotations

import weakref
from typing import Any, Callable, Dict

ApiNotificationHandler = Callable[[Any], None]


class ApiWrapper:
    def __init__(self, plugin: "weakref.ref") -> None:
        # the plugin owns this wrapper: refer back to it weakly
        self.__plugin = plugin
        self._handlers: Dict[str, "weakref.WeakMethod"] = {}

    def on_notification(self, method: str, handler: ApiNotificationHandler) -> None:
        self._handlers[method] = weakref.WeakMethod(handler)  # type: ignore[arg-type]

    def dispatch(self, method: str, params: Any) -> None:
        handler_ref = self._handlers.get(method)
        handler = handler_ref() if handler_ref else None
        if handler:
            handler(params)

    def send_notification(self, method: str, params: Any) -> None:
        plugin = self.__plugin()
        session = plugin.weaksession() if plugin else None
        if session:
            session.send_notification(method, params)
