from __future__ import annotations

import asyncio
from typing import Any, Dict

import aiohttp

_loop = asyncio.get_event_loop()
_pools: Dict[str, aiohttp.ClientSession] = {
    "default": aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=10), loop=_loop),  # LEAK
}


def _methodurl(token: str, method: str) -> str:
    return "https://api.telegram.org/bot%s/%s" % (token, method)


async def request(token: str, method: str, params: Dict[str, Any]) -> Any:
    session = _pools["default"]
    async with session.post(_methodurl(token, method), data=params) as response:
        return await response.json()
