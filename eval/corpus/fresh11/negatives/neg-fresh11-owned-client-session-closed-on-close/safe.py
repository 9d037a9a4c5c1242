from __future__ import annotations

import aiohttp


class DeviceClient:
    def __init__(self, host: str, session: aiohttp.ClientSession | None = None) -> None:
        self._host = host
        self._owns_session = session is None
        self._session = session or aiohttp.ClientSession()

    async def fetch_info(self) -> bytes:
        async with self._session.get(f"https://{self._host}/info") as response:
            return await response.read()

    async def close(self) -> None:
        if self._owns_session and not self._session.closed:
            await self._session.close()

    async def __aenter__(self) -> "DeviceClient":
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.close()
