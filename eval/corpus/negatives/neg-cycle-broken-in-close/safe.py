from __future__ import annotations


class ClientProtocol:
    def __init__(self, client: "Client") -> None:
        self.client = client
        self.transport = None

    def connection_lost(self, exc) -> None:
        self.client = None
        self.transport = None


class Client:
    def __init__(self) -> None:
        self.protocol = ClientProtocol(self)

    def close(self) -> None:
        protocol, self.protocol = self.protocol, None
        if protocol is not None:
            protocol.connection_lost(None)
