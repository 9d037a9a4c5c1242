from __future__ import annotations

import json
from typing import Any

import requests

TIMEOUT = (1.2, 8.0)


class PyKumo:
    def __init__(self, name: str, address: str, cfg_json: dict[str, Any]) -> None:
        self._name = name
        self._address = address
        self._security = cfg_json

    def _url(self, post_data: bytes) -> str:
        return f"http://{self._address}/api?m={self._security.get('token', '')}"

    def _request(self, post_data: bytes) -> dict[str, Any]:
        url = self._url(post_data)
        headers = {"Accept": "application/json, text/plain, */*", "Content-Type": "application/json"}
        with requests.session() as session:
            for _ in range(3):
                try:
                    response = session.put(url, headers=headers, data=post_data, timeout=TIMEOUT)
                    return json.loads(response.content)
                except requests.exceptions.ConnectionError:
                    continue
        return {}

    def update_status(self) -> dict[str, Any]:
        return self._request(b'{"c":{"indoorUnit":{"status":{}}}}')
