from __future__ import annotations

from .drivers import HttpDriver


class TokenSession(object):
    API_VERSION = "5.74"
    REQUEST_URL = "https://api.vk.com/method/"

    def __init__(self, access_token: str = None, timeout: int = 10, driver=None) -> None:
        self.timeout = timeout
        self.access_token = access_token
        self.driver = HttpDriver(timeout) if driver is None else driver

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb) -> None:
        return await self.driver.close()

    async def send_api_request(self, method_name: str, params: dict = None, timeout: int = None) -> dict:
        params = dict(params or {})
        if self.access_token:
            params["access_token"] = self.access_token
        params["v"] = self.API_VERSION
        return await self.driver.json(self.REQUEST_URL + method_name, params, timeout or self.timeout)
