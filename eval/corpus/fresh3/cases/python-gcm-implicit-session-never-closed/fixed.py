from __future__ import annotations

import json
from typing import Any, Dict, Optional

import requests


class GCM:
    GCM_URL = "https://fcm.googleapis.com/fcm/send"

    def __init__(self, api_key: str, session: Optional[requests.Session] = None) -> None:
        self.api_key = api_key
        self.requests_session = session

    def make_request(self, data: Dict[str, Any]) -> Dict[str, Any]:
        headers = {"Authorization": "key=%s" % self.api_key, "Content-Type": "application/json"}
        session = self.requests_session or requests.Session()
        try:
            response = session.post(self.GCM_URL, data=json.dumps(data), headers=headers, timeout=10)
            response.raise_for_status()
            return response.json()
        finally:
            if session is not self.requests_session:
                # the implicit session is ours: close it; a caller's session stays open for reuse
                session.close()

    def plaintext_request(self, registration_id: str, data: Dict[str, Any]) -> Dict[str, Any]:
        return self.make_request({"to": registration_id, "data": data})
