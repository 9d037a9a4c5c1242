import asyncio
from asyncio import ensure_future

from aiokafka.consumer.group_coordinator import GroupCoordinator


class AIOKafkaConsumer(object):
    def __init__(self, client, fetcher, subscription, group_id=None, *, loop):
        self._client = client
        self._fetcher = fetcher
        self._group_id = group_id
        self._loop = loop
        self._coordinator = GroupCoordinator(client, subscription, loop=loop) if group_id else None

    async def _wait_for_data_or_error(self, coro):
        if self._group_id is None:
            return (await coro)
        else:
            coordination_error_fut = self._coordinator.error_future  # LEAK
            data_task = ensure_future(coro, loop=self._loop)
            await asyncio.wait(
                [data_task, coordination_error_fut],
                return_when=asyncio.FIRST_COMPLETED)

            # Check for errors in coordination and raise if any
            if coordination_error_fut.done():
                coordination_error_fut.result()  # Raises set exception if any

            return (await data_task)

    async def getone(self, *partitions):
        msg = await self._wait_for_data_or_error(self._fetcher.next_record(partitions))
        return msg

    async def getmany(self, *partitions, timeout_ms=0):
        records = await self._wait_for_data_or_error(
            self._fetcher.fetched_records(partitions, timeout_ms / 1000))
        return records
