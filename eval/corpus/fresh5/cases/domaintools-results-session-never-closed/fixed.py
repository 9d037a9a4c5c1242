from __future__ import annotations

import time
from typing import Any, Dict, Optional

from requests import Session


class API:
    def __init__(self, username: str, key: str, verify_ssl: bool = True, rate_limit: bool = True) -> None:
        self.username = username
        self.key = key
        self.verify_ssl = verify_ssl
        self.rate_limit = rate_limit


class Results:
    def __init__(self, api: API, url: str, **kwargs: Any) -> None:
        self.api = api
        self.url = url
        self.kwargs = kwargs
        self._data: Optional[Dict[str, Any]] = None

    def _make_request(self):
        # a session per request, closed (with its pooled connections) when the block ends
        with Session() as session:
            return session.get(url=self.url, params=self.kwargs, verify=self.api.verify_ssl)

    def _get_results(self):
        data = self._make_request()
        if data.status_code == 503:
            time.sleep(60)
            data = self._make_request()
        return data

    def data(self) -> Dict[str, Any]:
        if self._data is None:
            self._data = self._get_results().json()
        return self._data
