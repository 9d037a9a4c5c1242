import asyncio
import logging
from typing import Any

from .aio import run_all_then_cancel

log = logging.getLogger(__name__)


class TaskLogRelay:
    def __init__(self, store: Any, job_id: str, step: str) -> None:
        self.store = store
        self.job_id = job_id
        self.step = step

    async def pump_lines(self, socket: Any) -> None:
        async for line in socket.iter_text():
            await self.store.append("%s-%s" % (self.job_id, self.step), line)

    async def pump_commands(self, socket: Any) -> None:
        while True:
            _, key = await self.store.pop_blocking("%s-%s-cmd" % (self.job_id, self.step))
            payload = await self.store.get(key)
            await socket.send_text(payload)

    async def serve(self, socket: Any) -> None:
        loop = asyncio.get_running_loop()
        pumps = [
            loop.create_task(self.pump_lines(socket)),
            loop.create_task(self.pump_commands(socket)),
        ]
        try:
            await run_all_then_cancel(*pumps)
        except ConnectionError as err:
            log.info("relay for %s ended: %s", self.job_id, err)
            await socket.close()
