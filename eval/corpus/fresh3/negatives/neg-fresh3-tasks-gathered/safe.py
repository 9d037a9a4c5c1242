from __future__ import annotations

import asyncio
from typing import Any, List


async def fetch(client: Any, url: str) -> bytes:
    return await client.get(url)


async def fetch_all(client: Any, urls: List[str]) -> List[bytes]:
    tasks = [asyncio.create_task(fetch(client, url)) for url in urls]
    return await asyncio.gather(*tasks)
