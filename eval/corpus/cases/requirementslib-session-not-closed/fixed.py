from __future__ import annotations

import requests


def get_package_info(name: str, index: str = "https://pypi.org/pypi") -> dict:
    with requests.Session() as session:
        response = session.get(f"{index}/{name}/json", timeout=10)
        response.raise_for_status()
        return response.json()["info"]
