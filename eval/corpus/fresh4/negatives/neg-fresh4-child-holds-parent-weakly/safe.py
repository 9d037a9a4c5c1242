from __future__ import annotations

import weakref


class Indices:
    def __init__(self, conn) -> None:
        self.conn = conn

    def refresh(self, name: str):
        return self.conn.request("POST", name + "/_refresh")


class Client:
    def __init__(self, server: str) -> None:
        self.server = server
        self.indices = Indices(weakref.proxy(self))

    def request(self, method: str, path: str):
        return {"server": self.server, "method": method, "path": path}
