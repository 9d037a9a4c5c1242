from __future__ import annotations

from typing import Any

import requests


class _TransportHTTP:
    def __init__(self, server: str, port: int = 5986, username: str | None = None,
                 password: str | None = None) -> None:
        self.endpoint = f"https://{server}:{port}/wsman"
        self.username = username
        self.password = password
        self.session: requests.Session | None = None

    def _build_session(self) -> requests.Session:
        session = requests.Session()
        session.auth = (self.username, self.password) if self.username else None
        session.headers["Content-Type"] = "application/soap+xml;charset=UTF-8"
        return session

    def send(self, message: bytes) -> bytes:
        if self.session is None:
            self.session = self._build_session()
        response = self.session.post(self.endpoint, data=message)
        response.raise_for_status()
        return response.content

    def close(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None


class WSMan:
    def __init__(self, server: str, **kwargs: Any) -> None:
        self.transport = _TransportHTTP(server, **kwargs)

    def command(self, body: bytes) -> bytes:
        return self.transport.send(body)

    def close(self) -> None:
        self.transport.close()


class Client:
    def __init__(self, server: str, **kwargs: Any) -> None:
        self.wsman = WSMan(server, **kwargs)

    def execute_cmd(self, command: str) -> bytes:
        return self.wsman.command(command.encode())

    def close(self) -> None:
        self.wsman.close()


def check_hosts(hosts: list[str]) -> dict[str, bytes]:
    results = {}
    for host in hosts:
        client = Client(host, username="admin", password="secret")
        try:
            results[host] = client.execute_cmd("hostname")
        finally:
            client.close()
    return results
