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
            self.session = self._build_session()  # LEAK
        response = self.session.post(self.endpoint, data=message)
        response.raise_for_status()
        return response.content


class WSMan:
    def __init__(self, server: str, **kwargs: Any) -> None:
        self.transport = _TransportHTTP(server, **kwargs)

    def command(self, body: bytes) -> bytes:
        return self.transport.send(body)


class Client:
    def __init__(self, server: str, **kwargs: Any) -> None:
        self.wsman = WSMan(server, **kwargs)

    def execute_cmd(self, command: str) -> bytes:
        return self.wsman.command(command.encode())


def check_hosts(hosts: list[str]) -> dict[str, bytes]:
    results = {}
    for host in hosts:
        client = Client(host, username="admin", password="secret")
        results[host] = client.execute_cmd("hostname")
    return results
