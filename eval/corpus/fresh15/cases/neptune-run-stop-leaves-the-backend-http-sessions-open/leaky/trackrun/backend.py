import os
from typing import Any, Dict, Optional

import requests

from .oauth import make_authenticator


class HttpClient:
    def __init__(self, ssl_verify: bool, proxies: Optional[Dict[str, str]]) -> None:
        self.session = requests.Session()
        self.session.verify = ssl_verify
        if proxies:
            self.session.proxies.update(proxies)
        self.authenticator: Any = None

    def request(self, method: str, url: str, **kwargs: Any) -> Dict[str, Any]:
        resp = self.session.request(method, url, auth=self.authenticator, timeout=30, **kwargs)
        resp.raise_for_status()
        return resp.json()


class ApiClient:
    def __init__(self, base_url: str, http_client: HttpClient) -> None:
        self.base_url = base_url
        self.http_client = http_client

    def get_client_config(self) -> Dict[str, Any]:
        return self.http_client.request("GET", self.base_url + "/clients/config")

    def exchange_api_token(self, api_token: str) -> Dict[str, Any]:
        return self.http_client.request("GET", self.base_url + "/authorization/oauth-token",
                                        headers={"X-Api-Token": api_token})


class HostedBackend:
    def __init__(self, api_url: str, api_token: str, proxies: Optional[Dict[str, str]] = None) -> None:
        ssl_verify = not os.getenv("TRACK_ALLOW_SELF_SIGNED_CERTIFICATE")
        self._http_client = self._create_http_client(ssl_verify, proxies)  # LEAK
        token_http_client = self._create_http_client(ssl_verify, proxies)  # LEAK
        token_client = ApiClient(api_url, token_http_client)
        self._client_config = token_client.get_client_config()
        if api_url != self._client_config["apiUrl"]:
            token_client = ApiClient(self._client_config["apiUrl"], token_http_client)
        self.backend_client = ApiClient(self._client_config["apiUrl"], self._http_client)
        self._authenticator = make_authenticator(api_token, token_client,
                                                 self._client_config["apiUrl"] + "/oauth/refresh")
        self._http_client.authenticator = self._authenticator

    @staticmethod
    def _create_http_client(ssl_verify: bool, proxies: Optional[Dict[str, str]]) -> HttpClient:
        return HttpClient(ssl_verify, proxies)

    def execute_operations(self, run_id: str, operations: Any) -> None:
        self.backend_client.http_client.request("POST", "%s/runs/%s/operations" % (self.backend_client.base_url, run_id),
                                                json=operations)
