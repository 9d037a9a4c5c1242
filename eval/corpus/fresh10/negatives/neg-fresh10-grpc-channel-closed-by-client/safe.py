from __future__ import annotations

import grpc


class ClusterClient:
    def __init__(self, address: str, stub_factory) -> None:
        self._channel = grpc.insecure_channel(address)
        self._stub = stub_factory(self._channel)

    def status(self, request):
        return self._stub.Status(request)

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "ClusterClient":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
