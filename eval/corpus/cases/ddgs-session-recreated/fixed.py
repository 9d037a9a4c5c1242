from __future__ import annotations

import requests


class SearchClient:
    def __init__(self) -> None:
        self.session = requests.Session()

    def _reset_session(self) -> None:
        self.session.close()
        self.session = requests.Session()

    def search(self, query: str) -> list:
        response = self.session.get("https://html.example.org/search", params={"q": query}, timeout=10)
        if response.status_code == 429:
            self._reset_session()
            return []
        return response.json()["results"]

    def close(self) -> None:
        self.session.close()
