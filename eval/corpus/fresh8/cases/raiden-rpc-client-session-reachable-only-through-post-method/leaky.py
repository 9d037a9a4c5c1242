from __future__ import annotations

import requests


class HttpPostTransport:
    def __init__(self, endpoint: str, post_method, headers: dict) -> None:
        self.endpoint = endpoint
        self.post_method = post_method
        self.headers = headers

    def send(self, payload: bytes) -> bytes:
        response = self.post_method(self.endpoint, data=payload, headers=self.headers)
        response.raise_for_status()
        return response.content


class NodeRpcClient:
    def __init__(self, host: str, port: int, privkey: bytes) -> None:
        self.port = port
        self.privkey = privkey
        endpoint = f"http://{host}:{port}"
        session = requests.Session()  # LEAK
        adapter = requests.adapters.HTTPAdapter(pool_maxsize=50)
        session.mount(endpoint, adapter)

        self.transport = HttpPostTransport(
            endpoint,
            post_method=session.post,
            headers={"content-type": "application/json"},
        )

    def call(self, payload: bytes) -> bytes:
        return self.transport.send(payload)

    def __repr__(self) -> str:
        return f"<NodeRpcClient @{self.port}>"
