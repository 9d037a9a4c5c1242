from __future__ import annotations

import aiohttp


class BaseDriver:
    def __init__(self, timeout: int = 10, loop=None) -> None:
        self.timeout = timeout
        self._loop = loop

    async def json(self, url: str, params: dict, timeout: int = None) -> dict:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


class HttpDriver(BaseDriver):
    def __init__(self, timeout: int = 10, loop=None, session: aiohttp.ClientSession = None) -> None:
        super().__init__(timeout, loop)
        if not session:
            self.session = aiohttp.ClientSession(loop=loop)
        else:
            self.session = session

    async def json(self, url: str, params: dict, timeout: int = None) -> dict:
        async with self.session.get(url, params=params, timeout=timeout or self.timeout) as response:
            return await response.json()

    async def close(self) -> None:
        await self.session.close()
