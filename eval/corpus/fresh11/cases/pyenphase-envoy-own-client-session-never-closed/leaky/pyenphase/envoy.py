from __future__ import annotations

import aiohttp

from .const import LOCAL_TIMEOUT, NO_VERIFY_SSL_CONTEXT
from .firmware import EnvoyFirmware


class Envoy:
    """Class for communicating with an envoy."""

    def __init__(
        self,
        host: str,
        client: aiohttp.ClientSession | None = None,
        timeout: float | aiohttp.ClientTimeout | None = None,
    ) -> None:
        # We use our own aiohttp client session so we can disable SSL verification
        self._timeout = timeout or LOCAL_TIMEOUT
        connector = aiohttp.TCPConnector(ssl=NO_VERIFY_SSL_CONTEXT)
        self._client = client or aiohttp.ClientSession(connector=connector)  # LEAK
        self.auth = None
        self._host = host
        self._firmware = EnvoyFirmware(self._client, self._host)
        self._endpoint_cache: dict[str, aiohttp.ClientResponse] = {}
        self.data = None

    async def setup(self) -> None:
        await self._firmware.setup()

    async def request(self, endpoint: str) -> aiohttp.ClientResponse:
        url = f"https://{self._host}{endpoint}"
        response = await self._client.get(url, timeout=self._timeout)
        self._endpoint_cache[endpoint] = response
        return response
