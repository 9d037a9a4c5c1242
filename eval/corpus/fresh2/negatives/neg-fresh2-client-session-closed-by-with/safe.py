from __future__ import annotations

from typing import Any

import requests


class ApiClient:
    def __init__(self, base_url: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str) -> Any:
        response = self.session.get(f"{self.base_url}/{path.lstrip('/')}", timeout=10)
        response.raise_for_status()
        return response.json()

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def list_projects(base_url: str, token: str) -> list[str]:
    with ApiClient(base_url, token) as client:
        return [item["name"] for item in client.get("/projects")]
