import asyncio
import time
from typing import Any


class Activity:
    def __init__(self, idle_after: float) -> None:
        self.idle_after = idle_after
        self.last_seen = 0.0

    def touch(self) -> None:
        self.last_seen = time.time()


async def ping_when_idle(conn: Any, activity: Activity) -> None:
    while True:
        quiet_for = time.time() - activity.last_seen
        wait = activity.idle_after - quiet_for if quiet_for <= activity.idle_after else activity.idle_after
        await asyncio.sleep(wait)
        if time.time() - activity.last_seen >= activity.idle_after:
            await conn.pong()
            activity.touch()
