from __future__ import annotations

import socket
import threading

import paramiko


class NetconfSshSession(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True, name="netconf-ssh")
        self._closing = threading.Event()
        self._transport: paramiko.Transport | None = None
        self._channel: paramiko.Channel | None = None
        self._connected = False

    def connect(self, host: str, port: int, username: str, password: str) -> None:
        sock = socket.create_connection((host, port), timeout=30)
        self._transport = paramiko.Transport(sock)
        self._transport.start_client()
        self._transport.auth_password(username, password)
        self._channel = self._transport.open_session()
        self._channel.invoke_subsystem("netconf")
        self._connected = True
        self.start()

    def run(self) -> None:
        channel = self._channel
        while not self._closing.is_set():
            data = channel.recv(4096)
            if not data:
                break

    def close(self) -> None:
        self._closing.set()
        if self._transport is not None and self._transport.is_active():
            self._transport.close()
        while self.is_alive() and self is not threading.current_thread():
            self.join(10)
        if self._channel is not None:
            self._channel.close()
        self._channel = None
        self._connected = False
