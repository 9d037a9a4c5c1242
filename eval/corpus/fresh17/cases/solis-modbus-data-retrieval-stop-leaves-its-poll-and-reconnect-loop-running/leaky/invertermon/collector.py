import asyncio
import logging

log = logging.getLogger(__name__)


class InverterCollector:
    def __init__(self, hass, controller):
        self.hass = hass
        self.controller = controller
        self.writes = asyncio.Queue()
        self._write_task = None
        self.hass.async_create_task(self.poll_loop())  # LEAK

    async def poll_loop(self):
        await self.ensure_connected()
        self._write_task = self.hass.async_create_task(self.drain_writes())
        while True:
            await self.ensure_connected()
            await self.controller.read_all()
            await asyncio.sleep(15)

    async def ensure_connected(self):
        delay = 0.5
        while not self.controller.connected():
            try:
                await self.controller.connect()
            except OSError as err:
                log.error("connect to %s failed: %s", self.controller.host, err)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)

    async def drain_writes(self):
        while True:
            register, value = await self.writes.get()
            await self.controller.write(register, value)

    async def stop(self):
        if self._write_task is not None:
            self._write_task.cancel()
            try:
                await self._write_task
            except asyncio.CancelledError:
                pass
            self._write_task = None
