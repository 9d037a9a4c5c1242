from __future__ import annotations

import logging
from threading import Condition, Thread
from urllib.parse import urlparse

from .ua_client import UaClient


class KeepAlive(Thread):
    """Used by Client to keep the session open."""

    def __init__(self, client: "Client", timeout: float) -> None:
        Thread.__init__(self)
        self.logger = logging.getLogger(__name__)
        self.client = client
        self._dostop = False
        self._cond = Condition()
        self.timeout = timeout or 3600000

    def run(self) -> None:
        while not self._dostop:
            with self._cond:
                self._cond.wait(self.timeout / 1000)
            if self._dostop:
                break
            self.client.renew_session()

    def stop(self) -> None:
        self._dostop = True
        with self._cond:
            self._cond.notify_all()


class Client:
    def __init__(self, url: str, timeout: float = 4) -> None:
        self.server_url = urlparse(url)
        self.session_timeout = 3600000
        self.keepalive = None
        self.uaclient = UaClient(timeout)

    def connect(self) -> None:
        self.uaclient.connect_socket(self.server_url.hostname, self.server_url.port)
        self.create_session()

    def disconnect(self) -> None:
        try:
            self.close_session()
        finally:
            self.uaclient.disconnect_socket()

    def create_session(self) -> None:
        self.keepalive = KeepAlive(self, self.session_timeout * 0.7)  # LEAK
        self.keepalive.start()  # LEAK

    def renew_session(self) -> None:
        pass

    def close_session(self) -> None:
        if self.keepalive:
            self.keepalive.stop()
        return self.uaclient.close_session(True)
