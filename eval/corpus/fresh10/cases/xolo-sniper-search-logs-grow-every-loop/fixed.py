from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Dict, List

import aiohttp


class Sniper:
    def __init__(self, items: List[str]) -> None:
        self.items = items
        self.errorLogs: deque = deque(maxlen=3)
        self.buyLogs: deque = deque(maxlen=3)
        self.searchLogs: deque = deque(maxlen=3)
        self.v2search = 0.0
        self.v2waitTime = 1.0
        self.v2avgSpeed: List[float] = []

    async def stats(self) -> Dict[str, object]:
        return {"status": 200, "content": {"errorLogs": list(self.errorLogs), "searchLogs": list(self.searchLogs),
                                           "buyLogs": list(self.buyLogs), "v2speed": self.v2search}}

    def get_current_time(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())

    def log_error(self, message: str) -> None:
        self.errorLogs.append(f"[{self.get_current_time()}] {message}")

    def log_purchase(self, item_id: str, serial: int) -> None:
        self.buyLogs.append(f"[{self.get_current_time()}] Bought item {item_id}, serial {serial}")

    def log_search(self, message: str) -> None:
        self.searchLogs.append(f"[{self.get_current_time()}] {message}")

    async def fetch_item_details_v2(self, session: aiohttp.ClientSession, item_id: str) -> None:
        async with session.get(f"https://catalog.roblox.com/v1/catalog/items/{item_id}/details") as resp:
            data = await resp.json()
        if data.get("unitsAvailableForConsumption"):
            self.log_purchase(item_id, data.get("serialNumber", 0))

    async def searchv2(self) -> None:
        async with aiohttp.ClientSession() as session:
            while True:
                start_time = time.time()
                try:
                    await asyncio.gather(*(self.fetch_item_details_v2(session, item_id) for item_id in self.items))
                except Exception as e:
                    self.log_error(f"V2 {e}")
                finally:
                    self.log_search(f"V2 Searched a total of {len(self.items)} items")
                    self.v2search = round((time.time() - start_time), 3)
                    self.v2avgSpeed.append(time.time() - start_time)
                    await asyncio.sleep(self.v2waitTime)
