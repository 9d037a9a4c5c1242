import asyncio
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional


class Summary:
    def __init__(self) -> None:
        self.samples: List[float] = []

    def observe(self, value: float) -> None:
        self.samples.append(value)
        del self.samples[:-1000]


class RequestHandler:
    def __init__(self, monitoring: bool = False) -> None:
        self.request_init_time: Optional[Dict[str, float]] = {} if monitoring else None
        self._summary = Summary() if monitoring else None

    def handle_request(self, send: Callable[[Any], Awaitable[Any]]) -> Callable[[Any], "asyncio.Future[Any]"]:
        def _handle_request(request: Any) -> "asyncio.Future[Any]":
            if self._summary is not None and self.request_init_time is not None:
                self.request_init_time[request.request_id] = time.time()  # LEAK
            return asyncio.ensure_future(send(request))

        return _handle_request

    def handle_result(self) -> Callable[[Any], Any]:
        def _handle_result(result: Any) -> Any:
            if self._summary is not None and self.request_init_time is not None:
                self._summary.observe(time.time() - self.request_init_time[result.request_id])
            return result

        return _handle_result
