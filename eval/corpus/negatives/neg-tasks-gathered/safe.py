from __future__ import annotations

import asyncio


async def fetch_all(client, urls: list) -> list:
    tasks = [asyncio.create_task(client.get(url)) for url in urls]
    return await asyncio.gather(*tasks)
