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
        data_task = ensure_future(coro, loop=self._loop)
        fetcher_error_fut = self._fetcher.error_future
        futs = [data_task, fetcher_error_fut]
        coordination_error_fut = self._coordinator.error_future if self._coordinator else None
        if coordination_error_fut is not None:  # group_id is None case
            futs.append(coordination_error_fut)

        try:
            await asyncio.wait(futs, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            data_task.cancel()
            return (await data_task)

        # Check for errors and raise if any
        if coordination_error_fut is not None and coordination_error_fut.done():
            coordination_error_fut.result()  # Raises set exception if any

        # Check for errors in fetcher and raise if any
        if fetcher_error_fut.done():
            fetcher_error_fut.result()

        return (await data_task)

    async def getone(self, *partitions):
        msg = await self._wait_for_data_or_error(self._fetcher.next_record(partitions))
        return msg

    async def getmany(self, *partitions, timeout_ms=0):
        records = await self._wait_for_data_or_error(
            self._fetcher.fetched_records(partitions, timeout_ms / 1000))
        return records
