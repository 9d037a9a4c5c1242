from __future__ import annotations

import functools


class Connection:
    def __init__(self, host: str, port: int, username: str | None = None) -> None:
        self.host = host
        self.port = port
        self.username = username

    @functools.cached_property
    def location(self) -> str:
        user = f"{self.username}@" if self.username else ""
        return f"redis://{user}{self.host}:{self.port}"
