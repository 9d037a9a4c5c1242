from __future__ import annotations

import gevent
from gevent.pywsgi import WSGIHandler

from socketio import transports
from socketio.websocket import WebSocket


class SocketIOHandler(WSGIHandler):
    handler_types = {
        "websocket": transports.WebsocketTransport,
        "xhr-polling": transports.XHRPollingTransport,
    }

    def _upgrade_to_websocket(self) -> None:
        self.websocket = WebSocket(self.environ, self.rfile)  # LEAK
        self.environ["wsgi.websocket"] = self.websocket

    def handle_one_response(self):
        sessid, transport_id = self.path.strip("/").split("/")[-2:]
        socket = self.server.get_socket(sessid)
        if socket is None:
            return []

        transport = self.handler_types[transport_id]
        if transport is transports.WebsocketTransport:
            self._upgrade_to_websocket()

        # Make the socket object available to WSGI apps.
        self.environ["socketio"] = socket  # LEAK

        self.transport = transport(self, self.server.config)
        self.transport.do_exchange(socket, self.environ.get("REQUEST_METHOD"))

        if transport_id == "websocket":
            # Keep the connection open until all of the socket's jobs end.
            gevent.joinall(socket.jobs)
