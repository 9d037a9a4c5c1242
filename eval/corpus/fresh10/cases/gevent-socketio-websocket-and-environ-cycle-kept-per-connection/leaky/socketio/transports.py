from __future__ import annotations


class WebsocketTransport:
    def __init__(self, handler, config) -> None:
        self.handler = handler
        self.config = config

    def do_exchange(self, socket, request_method: str) -> None:
        websocket = self.handler.environ["wsgi.websocket"]
        socket.attach(websocket)


class XHRPollingTransport:
    def __init__(self, handler, config) -> None:
        self.handler = handler
        self.config = config

    def do_exchange(self, socket, request_method: str) -> None:
        socket.poll(self.handler.environ)
