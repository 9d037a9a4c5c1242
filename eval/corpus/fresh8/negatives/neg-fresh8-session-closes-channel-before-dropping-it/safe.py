from __future__ import annotations

import socket

import paramiko


class RemoteShell:
    def __init__(self, host: str, port: int, user: str, password: str) -> None:
        sock = socket.create_connection((host, port), timeout=10)
        self._transport = paramiko.Transport(sock)
        self._transport.start_client()
        self._transport.auth_password(user, password)
        self._channel = self._transport.open_session()
        self._channel.get_pty()
        self._channel.invoke_shell()

    def send(self, command: str) -> None:
        self._channel.sendall(command.encode() + b"\n")

    def close(self) -> None:
        if self._channel is not None:
            self._channel.close()
            self._channel = None
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def __enter__(self) -> "RemoteShell":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
