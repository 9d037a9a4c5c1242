from typing import Any, Callable, Dict, Iterator, List, Optional

from . import _consumer


class Policy:
    """Decides how requests are built and how responses are dispatched."""

    def __init__(self, client: Any, subscription: str) -> None:
        self._client = client
        self._subscription = subscription
        self._consumer = _consumer.Consumer()
        self._callback: Optional[Callable[[Any], None]] = None
        self._histogram: Dict[int, int] = {}
        self._received: List[Any] = []

    def get_initial_request(self) -> Dict[str, Any]:
        return {"subscription": self._subscription, "ack_deadline": 10}

    def call_rpc(self, requests: Iterator[Any]) -> Iterator[Any]:
        return self._client.streaming_pull(requests)

    def on_response(self, response: Any) -> None:
        self._received.append(response)
        if self._callback is not None:
            self._callback(response)

    def on_exception(self, exc: Exception) -> bool:
        return isinstance(exc, ConnectionError)

    def open(self, callback: Callable[[Any], None]) -> None:
        self._callback = callback
        self._consumer.start_consuming(self)

    def close(self) -> None:
        self._consumer.stop_consuming()
        self._callback = None
