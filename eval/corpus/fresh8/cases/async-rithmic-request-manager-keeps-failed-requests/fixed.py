from __future__ import annotations

import asyncio
import time
from collections import defaultdict


class ResponseCollector:
    """Matches a request to the stream of responses it produces."""

    def __init__(self, plant) -> None:
        self.plant = plant
        self.requests: dict = {}
        self.responses: defaultdict = defaultdict(list)
        self.expected: dict = {}
        self.done_events: dict = {}
        self.start_times: dict = {}

    def start(self, request_id: str, request: dict, expected: dict) -> None:
        self.requests[request_id] = request
        self.responses[request_id] = []
        self.done_events[request_id] = asyncio.Event()
        self.expected[request_id] = expected
        self.start_times[request_id] = time.time()

    def _cleanup(self, request_id: str) -> None:
        self.requests.pop(request_id, None)
        self.responses.pop(request_id, None)
        self.expected.pop(request_id, None)
        self.done_events.pop(request_id, None)
        self.start_times.pop(request_id, None)

    async def send_and_collect(self, timeout: float = 30.0, **kwargs) -> list:
        request_id = kwargs.get("user_msg")
        expected = kwargs.pop("expected_response")
        expected["user_msg"] = [request_id]

        self.start(request_id, kwargs, expected)
        done_event = self.done_events[request_id]
        try:
            await self.plant.send_request(**kwargs)
            await asyncio.wait_for(done_event.wait(), timeout=timeout)
        except asyncio.TimeoutError:
            self.plant.logger.exception("timed out waiting for the responses to %s", request_id)
            raise
        finally:
            responses = self.responses.pop(request_id, [])
            self._cleanup(request_id)
        return responses

    def handle_response(self, response) -> bool:
        for request_id, expected in self.expected.items():
            if all(getattr(response, k) == v for k, v in expected.items()):
                self.responses[request_id].append(response)
                return True
        return False

    def mark_complete(self, request_id: str) -> None:
        if request_id not in self.done_events:
            self.plant.logger.error("unknown request %s", request_id)
            return
        elapsed = time.time() - self.start_times[request_id]
        request = self.requests.pop(request_id, None)
        self.plant.logger.debug("completed %s (%s) in %.2f ms", request_id, request, elapsed * 1000)
        self.done_events[request_id].set()
        self.done_events.pop(request_id, None)
        self.expected.pop(request_id, None)
        self.start_times.pop(request_id, None)
