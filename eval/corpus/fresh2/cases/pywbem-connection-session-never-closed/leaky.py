from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter


class WBEMConnection:
    def __init__(self, url: str, creds: tuple[str, str] | None = None, timeout: float | None = None) -> None:
        self.url = url
        self.creds = creds
        self.timeout = timeout
        self.session = requests.Session()  # LEAK
        adapter = HTTPAdapter(max_retries=1)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def _methodcall(self, method: str, namespace: str, **params: Any) -> bytes:
        response = self.session.post(
            f"{self.url}/cimom", data={"method": method, "namespace": namespace, **params},
            auth=self.creds, timeout=self.timeout,
        )
        response.raise_for_status()
        return response.content

    def GetClass(self, classname: str, namespace: str = "root/cimv2") -> bytes:
        return self._methodcall("GetClass", namespace, ClassName=classname)

    def CreateClass(self, definition: str, namespace: str = "root/cimv2") -> bytes:
        return self._methodcall("CreateClass", namespace, NewClass=definition)


def compile_mof(server_url: str, classes: list[str]) -> None:
    conn = WBEMConnection(server_url)  # LEAK
    for definition in classes:
        conn.CreateClass(definition)
