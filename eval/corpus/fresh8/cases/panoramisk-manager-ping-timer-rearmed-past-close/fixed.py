from __future__ import annotations

import asyncio
import logging
from collections import defaultdict


class PbxManager:
    """Client for a telephony server's management interface."""

    defaults = dict(host="127.0.0.1", port=5038, ssl=False, encoding="utf8", loop=None)

    def __init__(self, protocol_class, **config) -> None:
        self.config = dict(self.defaults, **config)
        self.protocol_class = protocol_class
        self.loop = self.config["loop"]
        self.log = config.get("log", logging.getLogger(__name__))
        self.handlers = defaultdict(list)
        self.protocol = None
        self.logged_in = False
        self.login_future = None
        self.ping_timer: asyncio.TimerHandle | None = None

    def connect(self):
        if self.loop is None:
            self.loop = asyncio.get_event_loop()
        attempt = self.loop.create_task(
            self.loop.create_connection(
                self.protocol_class, self.config["host"], self.config["port"], ssl=self.config["ssl"]
            )
        )
        attempt.add_done_callback(self.on_connected)
        return attempt

    def on_connected(self, attempt) -> None:
        if self.protocol is not None:
            self.protocol.close()
        try:
            _transport, protocol = attempt.result()
        except OSError:
            self.log.exception("connection failed, retrying")
            self.loop.call_later(2, self.connect)
            return
        self.protocol = protocol
        self.protocol.owner = self
        if "username" in self.config:
            self.logged_in = False
            self.login_future = self.send_action(
                {"Action": "Login", "Username": self.config["username"], "Secret": self.config["secret"]}
            )
            self.login_future.add_done_callback(self.on_login)
        self.ping_timer = self.loop.call_later(10, self.keepalive)

    def on_login(self, future) -> bool:
        self.login_future = None
        self.logged_in = bool(future.result().success)
        return self.logged_in

    def keepalive(self) -> None:
        self.ping_timer = self.loop.call_later(10, self.keepalive)
        self.protocol.send({"Action": "Ping"})

    def send_action(self, action: dict, **extra):
        action.update(extra)
        return self.protocol.send(action)

    def on_event(self, pattern: str, callback) -> None:
        self.handlers[pattern].append(callback)

    def close(self) -> None:
        if self.ping_timer:
            self.ping_timer.cancel()
            self.ping_timer = None
        if self.protocol is not None:
            self.protocol.close()
