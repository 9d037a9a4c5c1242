import asyncio
import logging
from typing import Any, Callable, List, Optional, Tuple

log = logging.getLogger(__name__)


class XMLStream(asyncio.Protocol):
    def __init__(self, host: str, port: int = 5222) -> None:
        self.address: Tuple[str, int] = (host, port)
        self.loop = asyncio.get_event_loop()
        self.transport: Optional[asyncio.Transport] = None
        self.waiting_queue: "asyncio.Queue[Tuple[Any, bool]]" = asyncio.Queue()
        self.out_filters: List[Callable[[Any], Any]] = []
        self.disconnect_reason: Optional[str] = None
        self._current_connection_attempt: Optional["asyncio.Future[Any]"] = None
        self._run_filters: Optional["asyncio.Future[None]"] = None

    def connect(self, host: str = "", port: int = 0) -> None:
        if self._run_filters is None:
            self._run_filters = asyncio.ensure_future(self.run_filters(), loop=self.loop)
        self.disconnect_reason = None
        self.cancel_connection_attempt()
        if host and port:
            self.address = (host, int(port))
        self._current_connection_attempt = asyncio.ensure_future(
            self._connect_routine(), loop=self.loop
        )

    async def _connect_routine(self) -> None:
        try:
            await self.loop.create_connection(lambda: self, *self.address)
        except OSError as e:
            log.warning("connection failed: %s", e)
        finally:
            self._current_connection_attempt = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def connection_lost(self, exc: Optional[Exception]) -> None:
        log.info("connection lost: %s", exc)
        self.transport = None
        if self._run_filters:
            self._run_filters.cancel()

    def cancel_connection_attempt(self) -> None:
        if self._current_connection_attempt is not None:
            self._current_connection_attempt.cancel()
            self._current_connection_attempt = None
            if self._run_filters:
                self._run_filters.cancel()

    def send(self, data: Any, use_filters: bool = True) -> None:
        self.waiting_queue.put_nowait((data, use_filters))

    def send_raw(self, data: str) -> None:
        if self.transport is not None:
            self.transport.write(data.encode("utf-8"))

    async def run_filters(self) -> None:
        """Background loop that filters and writes queued stanzas."""
        while True:
            data, use_filters = await self.waiting_queue.get()
            try:
                if use_filters:
                    for out_filter in self.out_filters:
                        data = out_filter(data)
                        if data is None:
                            break
                if data is not None:
                    self.send_raw(str(data))
            except Exception:
                log.exception("error while sending a stanza")
            finally:
                self.waiting_queue.task_done()
