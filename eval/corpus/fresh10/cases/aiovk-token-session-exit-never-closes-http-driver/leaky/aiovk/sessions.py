from __future__ import annotations

from abc import ABC, abstractmethod

from .drivers import HttpDriver


class BaseSession(ABC):
    @abstractmethod
    async def __aenter__(self):
        """Make `async with` available."""

    async def __aexit__(self, exc_type, exc_val, exc_tb) -> None:
        await self.close()

    async def close(self) -> None:
        """Perform the actions associated with the completion of the current session"""

    @abstractmethod
    async def send_api_request(self, method_name: str, params: dict = None, timeout: int = None) -> dict:
        """Send one API request."""


class TokenSession(BaseSession):
    API_VERSION = "5.74"
    REQUEST_URL = "https://api.vk.com/method/"

    def __init__(self, access_token: str = None, timeout: int = 10, driver=None) -> None:
        self.timeout = timeout
        self.access_token = access_token
        self.driver = HttpDriver(timeout) if driver is None else driver  # LEAK

    async def __aenter__(self) -> BaseSession:
        return self

    async def send_api_request(self, method_name: str, params: dict = None, timeout: int = None) -> dict:
        params = dict(params or {})
        if self.access_token:
            params["access_token"] = self.access_token
        params["v"] = self.API_VERSION
        return await self.driver.json(self.REQUEST_URL + method_name, params, timeout or self.timeout)
