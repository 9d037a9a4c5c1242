from __future__ import annotations

import socket

from .transport import Transport


class SSHClient(object):
    def __init__(self) -> None:
        self._transport = None

    def connect(self, hostname: str, port: int = 22, timeout: float = None, banner_timeout: float = None) -> None:
        sock = socket.create_connection((hostname, port), timeout)
        t = self._transport = Transport(sock)
        if banner_timeout is not None:
            t.banner_timeout = banner_timeout
        t.start_client()

        server_key = t.get_remote_server_key()
        self._check_host_key(hostname, server_key)

    def _check_host_key(self, hostname: str, key: bytes) -> None:
        if not key:
            raise ValueError("no host key from %s" % hostname)

    def close(self) -> None:
        if self._transport is None:
            return
        self._transport.close()
        self._transport = None

    def __enter__(self) -> "SSHClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
