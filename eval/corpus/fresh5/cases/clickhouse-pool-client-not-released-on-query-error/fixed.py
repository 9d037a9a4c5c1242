from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator, List


class Client:
    def __init__(self, host: str) -> None:
        self.host = host

    def execute(self, query: str) -> list:
        raise ConnectionError(f"cannot reach {self.host}")

    def disconnect(self) -> None:
        pass


class ChPool:
    def __init__(self, host: str, connections_max: int = 10) -> None:
        self.host = host
        self.connections_max = connections_max
        self._lock = threading.Condition()
        self._idle: List[Client] = []
        self._used: List[Client] = []

    def pull(self) -> Client:
        with self._lock:
            if not self._idle and len(self._used) >= self.connections_max:
                raise RuntimeError("all connections in use")
            client = self._idle.pop() if self._idle else Client(self.host)
            self._used.append(client)
            return client

    def push(self, client: Client) -> None:
        with self._lock:
            self._used.remove(client)
            self._idle.append(client)
            self._lock.notify()

    @contextmanager
    def get_client(self) -> Iterator[Client]:
        client = self.pull()
        try:
            yield client
        finally:
            self.push(client)


def row_count(pool: ChPool, table: str) -> int:
    with pool.get_client() as client:
        return client.execute(f"SELECT count() FROM {table}")[0][0]
