from __future__ import annotations

import weakref
from functools import partial
from typing import Any, Callable, Optional


def method2attr(method: str) -> str:
    return "m_" + method.replace("/", "_").replace("$", "")


def weak_method(method: Callable[..., Any]) -> Callable[..., Any]:
    """A callable that calls the bound method without keeping its object alive."""
    ref = weakref.WeakMethod(method)  # type: ignore[arg-type]

    def call(*args: Any) -> Any:
        target = ref()
        return target(*args) if target else None

    return call


class ApiWrapper:
    def __init__(self, plugin: "weakref.ref[ClientHandler]") -> None:
        self.__plugin = plugin

    def __session(self) -> Optional[Any]:
        plugin = self.__plugin()
        return plugin.weaksession() if plugin else None

    def on_notification(self, method: str, handler: Callable[[Any], None]) -> None:
        def handle_notification(weak_handler: Callable[[Any], None], params: Any) -> None:
            weak_handler(params)

        plugin = self.__plugin()
        if plugin:
            setattr(plugin, method2attr(method), partial(handle_notification, weak_method(handler)))

    def on_request(self, method: str, handler: Callable[[Any, Callable[[Any], None]], None]) -> None:
        def send_response(request_id: Any, result: Any) -> None:
            session = self.__session()
            if session:
                session.send_response(request_id, result)

        def on_response(weak_handler: Callable[..., None], params: Any, request_id: Any) -> None:
            weak_handler(params, lambda result: send_response(request_id, result))

        plugin = self.__plugin()
        if plugin:
            setattr(plugin, method2attr(method), partial(on_response, weak_method(handler)))


class ClientHandler:
    def __init__(self, session: Any) -> None:
        self.weaksession = weakref.ref(session)
        self.status = ""
        api = ApiWrapper(weakref.ref(self))
        api.on_notification("eslint/status", self.on_status)
        api.on_request("eslint/openDoc", self.on_open_doc)

    def on_status(self, params: Any) -> None:
        self.status = str(params)

    def on_open_doc(self, params: Any, respond: Callable[[Any], None]) -> None:
        respond({})
