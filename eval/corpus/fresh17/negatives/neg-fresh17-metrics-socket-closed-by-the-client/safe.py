import socket
from typing import Any, Tuple


class MetricsClient:
    def __init__(self, address: Tuple[str, int] = ("localhost", 8125)) -> None:
        self.address = address
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def __enter__(self) -> "MetricsClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._sock.close()

    def incr(self, bucket: str, amount: int = 1) -> None:
        self._sock.sendto(("%s:%d|c" % (bucket, amount)).encode(), self.address)


class Counter:
    def __init__(self, client: MetricsClient, bucket: str) -> None:
        self.client = client
        self.bucket = bucket

    def add(self, amount: int) -> None:
        self.client.incr(self.bucket, amount)
