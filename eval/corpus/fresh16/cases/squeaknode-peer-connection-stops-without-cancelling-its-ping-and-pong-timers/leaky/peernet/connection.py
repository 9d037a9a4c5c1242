import os
from contextlib import contextmanager
from typing import Any, Iterator

from .timers import PingTimer, PongTimer


class Connection:
    def __init__(self, peer: Any, controller: Any) -> None:
        self.peer = peer
        self.controller = controller
        self.ping_timer = PingTimer(self.send_ping, str(peer))
        self.pong_timer = PongTimer(self.shutdown, self.ping_timer.start, str(peer))

    @contextmanager
    def connect(self, manager: Any) -> Iterator["Connection"]:
        manager.add_peer(self.peer)
        try:
            yield self
        finally:
            manager.remove_peer(self.peer)
            self.peer.stop()

    def shutdown(self) -> None:
        self.peer.stop()

    def handle(self) -> None:
        self.send_ping()
        for message in self.peer.messages():
            if message.kind == "pong":
                self.pong_timer.got_pong(message.nonce)
            else:
                self.controller.dispatch(self.peer, message)

    def send_ping(self) -> None:
        nonce = int.from_bytes(os.urandom(8), "little")
        self.peer.send(("ping", nonce))
        self.pong_timer.start(nonce)
