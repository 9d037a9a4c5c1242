import logging
import queue
import threading
from typing import Any, Iterator, Optional

_LOGGER = logging.getLogger(__name__)
STOP = object()


class Consumer:
    """Runs the bidirectional stream on a helper thread."""

    def __init__(self, policy: Any) -> None:
        self._policy = policy  # LEAK
        self._request_queue: "queue.Queue[Any]" = queue.Queue()
        self.stopped = threading.Event()
        self._consumer_thread: Optional[threading.Thread] = None

    def send_request(self, request: Any) -> None:
        self._request_queue.put(request)

    def _request_generator(self) -> Iterator[Any]:
        yield self._policy.get_initial_request()
        while True:
            request = self._request_queue.get()
            if request is STOP:
                break
            yield request

    def _blocking_consume(self) -> None:
        while not self.stopped.is_set():
            responses = self._policy.call_rpc(self._request_generator())
            try:
                for response in responses:
                    self._policy.on_response(response)
                break
            except Exception as exc:
                if not self._policy.on_exception(exc):
                    self.stopped.set()
                    return

    def start_consuming(self) -> None:
        self.stopped.clear()
        thread = threading.Thread(name="consumer", target=self._blocking_consume, daemon=True)
        thread.start()
        self._consumer_thread = thread

    def stop_consuming(self) -> None:
        self.stopped.set()
        self._request_queue.put(STOP)
        if self._consumer_thread is not None:
            self._consumer_thread.join()
            self._consumer_thread = None
