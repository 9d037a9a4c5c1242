from __future__ import annotations

import weakref
from typing import Any, Callable


def method2attr(method: str) -> str:
    return "m_" + method.replace("/", "_").replace("$", "")


class ApiWrapper:
    def __init__(self, plugin: "ClientHandler") -> None:
        self.__plugin = plugin  # LEAK

    def on_notification(self, method: str, handler: Callable[[Any], None]) -> None:
        setattr(self.__plugin, method2attr(method), lambda params: handler(params))  # LEAK

    def on_request(self, method: str, handler: Callable[[Any, Callable[[Any], None]], None]) -> None:
        def send_response(request_id: Any, result: Any) -> None:
            session = self.__plugin.weaksession()
            if session:
                session.send_response(request_id, result)

        def on_response(params: Any, request_id: Any) -> None:  # LEAK
            handler(params, lambda result: send_response(request_id, result))

        setattr(self.__plugin, method2attr(method), on_response)


class ClientHandler:
    def __init__(self, session: Any) -> None:
        self.weaksession = weakref.ref(session)
        self.status = ""
        api = ApiWrapper(self)
        api.on_notification("eslint/status", self.on_status)
        api.on_request("eslint/openDoc", self.on_open_doc)

    def on_status(self, params: Any) -> None:
        self.status = str(params)

    def on_open_doc(self, params: Any, respond: Callable[[Any], None]) -> None:
        respond({})
