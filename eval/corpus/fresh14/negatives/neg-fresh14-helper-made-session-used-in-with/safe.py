from typing import Any, Dict, Optional

import requests

API_ROOT = "https://api.example.org/v1"


def _make_session(token: Optional[str]) -> requests.Session:
    session = requests.Session()
    if token:
        session.headers["Authorization"] = "Bearer " + token
    return session


def fetch_item(item_id: str, token: Optional[str] = None) -> Dict[str, Any]:
    with _make_session(token) as session:
        response = session.get("%s/items/%s" % (API_ROOT, item_id), timeout=30)
        response.raise_for_status()
        return response.json()
