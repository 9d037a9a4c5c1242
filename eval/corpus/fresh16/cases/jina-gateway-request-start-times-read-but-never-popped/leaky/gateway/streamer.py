import asyncio
from typing import Any, AsyncIterator, Callable, List


class RequestStreamer:
    def __init__(self, request_handler: Callable[[Any], "asyncio.Future[Any]"], result_handler: Callable[[Any], Any]) -> None:
        self._request_handler = request_handler
        self._result_handler = result_handler

    async def stream(self, requests: AsyncIterator[Any]) -> List[Any]:
        results: List[Any] = []
        async for request in requests:
            response = await self._request_handler(request)
            results.append(self._result_handler(response))
        return results
