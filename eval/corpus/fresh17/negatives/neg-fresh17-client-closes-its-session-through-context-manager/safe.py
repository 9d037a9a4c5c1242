from typing import Any

import requests


class RestClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = requests.Session()

    def __enter__(self) -> "RestClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def get_json(self, path: str) -> Any:
        response = self._session.get(self.base_url + "/" + path.lstrip("/"))
        response.raise_for_status()
        return response.json()


def list_studies(base_url: str) -> Any:
    with RestClient(base_url) as client:
        return client.get_json("studies")
