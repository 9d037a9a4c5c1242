from __future__ import annotations

from typing import Optional

import aiohttp


class ApiClient:
    def __init__(self, session: Optional[aiohttp.ClientSession] = None) -> None:
        self._owns_session = session is None
        self._session = session or aiohttp.ClientSession()

    async def get_json(self, url: str) -> dict:
        async with self._session.get(url) as response:
            return await response.json()

    async def close(self) -> None:
        if self._owns_session:
            await self._session.close()

    async def __aenter__(self) -> "ApiClient":
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.close()
