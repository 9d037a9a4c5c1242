from __future__ import annotations

import json
from contextlib import closing
from http.client import HTTPSConnection


def fetch_status(host: str, path: str = "/status") -> dict:
    with closing(HTTPSConnection(host, timeout=5)) as conn:
        conn.request("GET", path)
        body = conn.getresponse().read()
    return json.loads(body)
