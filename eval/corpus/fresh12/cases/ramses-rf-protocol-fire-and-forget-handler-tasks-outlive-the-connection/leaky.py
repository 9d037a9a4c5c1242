import asyncio
import logging
from typing import Any, Callable, List, Optional, Tuple

_LOGGER = logging.getLogger(__name__)


class _BaseProtocol(asyncio.Protocol):
    def __init__(self, msg_handler: Callable[[Any], Any]) -> None:
        self._msg_handler = msg_handler
        self._msg_handlers: List[Tuple[Callable[[Any], Any], Optional[Callable[[Any], bool]]]] = []
        self._transport = None
        self._loop = asyncio.get_running_loop()
        self._wait_connection_lost: Optional[asyncio.Future] = None
        self._wait_connection_made: asyncio.Future = self._loop.create_future()

    def connection_made(self, transport) -> None:
        self._transport = transport
        self._wait_connection_lost = self._loop.create_future()
        self._wait_connection_made.set_result(transport)

    def connection_lost(self, err: Optional[Exception]) -> None:
        if not self._wait_connection_lost:
            if self._wait_connection_made.done():
                self._wait_connection_made = self._loop.create_future()
            return
        if self._wait_connection_lost.done():
            return
        self._wait_connection_made = self._loop.create_future()
        if err:
            self._wait_connection_lost.set_exception(err)
        else:
            self._wait_connection_lost.set_result(None)

    def add_handler(self, handler: Callable[[Any], Any], msg_filter: Optional[Callable[[Any], bool]] = None) -> None:
        self._msg_handlers.append((handler, msg_filter))

    def _msg_received(self, msg: Any) -> None:
        if self._msg_handler:
            res = self._msg_handler(msg)
            if asyncio.iscoroutine(res):
                self._loop.create_task(res)  # LEAK
        for callback, msg_filter in self._msg_handlers:
            if msg_filter is None or msg_filter(msg):
                res = callback(msg)
                if asyncio.iscoroutine(res):
                    self._loop.create_task(res)  # LEAK
