"""Envoy Firmware detection"""

import aiohttp

from .const import LOCAL_TIMEOUT


class EnvoyFirmware:
    """Class for querying and determining the Envoy firmware version."""

    __slots__ = ("_client", "_firmware_version", "_host", "_url")

    def __init__(self, _client: aiohttp.ClientSession, host: str) -> None:
        self._client = _client
        self._host = host
        self._firmware_version = None
        self._url = ""

    async def _get_info(self):
        for scheme in ("https", "http"):
            self._url = f"{scheme}://{self._host}/info"
            try:
                async with self._client.get(self._url, timeout=LOCAL_TIMEOUT) as resp:
                    return resp.status, await resp.read()
            except aiohttp.ClientConnectionError:
                continue
        raise aiohttp.ClientConnectionError(self._url)

    async def setup(self) -> None:
        status, body = await self._get_info()
        self._firmware_version = body.decode()
