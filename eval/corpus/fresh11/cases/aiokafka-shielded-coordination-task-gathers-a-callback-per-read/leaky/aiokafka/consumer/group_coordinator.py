import asyncio


class GroupCoordinator:
    def __init__(self, client, subscription, *, loop):
        self._client = client
        self._subscription = subscription
        self._loop = loop
        self._coordination_task = asyncio.ensure_future(self._coordination_routine(), loop=loop)

    async def _coordination_routine(self):
        while True:
            await self._client.heartbeat()
            await asyncio.sleep(3)

    @property
    def error_future(self):
        return asyncio.shield(self._coordination_task)  # LEAK
