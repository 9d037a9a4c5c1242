import urllib.parse
from typing import Any, Optional

import requests


class TransportError(Exception):
    def __init__(self, status: int, url: str) -> None:
        super().__init__("%s returned %d" % (url, status))
        self.status = status
        self.url = url


class RestTransport:
    def __init__(self, base_url: str, user: Optional[str] = None, password: Optional[str] = None) -> None:
        self._base_url = base_url
        self._session = requests.Session()
        if user and password:
            self._session.auth = requests.auth.HTTPBasicAuth(user, password)

    def url_for(self, path: str) -> str:
        return urllib.parse.urljoin(self._base_url, path)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        url = self.url_for(path)
        response = self._session.get(url, **kwargs)
        self._check(response, url)
        return response

    def get_json(self, path: str, **kwargs: Any) -> Any:
        return self.get(path, **kwargs).json()

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        url = self.url_for(path)
        response = self._session.post(url, **kwargs)
        self._check(response, url)
        return response

    def _check(self, response: requests.Response, url: str) -> None:
        if response.status_code >= 400:
            raise TransportError(response.status_code, url)

    def close(self) -> None:
        self._session.close()

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()
