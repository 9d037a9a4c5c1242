import asyncio
import json
import logging
from typing import Any, Callable, Optional

from .states import LinkState

log = logging.getLogger(__name__)


class RelayLink:
    def __init__(self, core: Any, dial: Callable[[str], Any], url: str) -> None:
        self.core = core
        self.dial = dial
        self.url = url
        self.state = LinkState.IDLE
        self.sock: Any = None
        self.connected = False
        self.reader: Optional[asyncio.Task] = None
        self.poller: Optional[asyncio.Task] = None
        self.pinger: Optional[asyncio.Task] = None
        self.retry: Optional[asyncio.TimerHandle] = None
        self.backoff = 1.0

    async def start(self) -> None:
        self.state = LinkState.STARTING
        await self._open()

    async def stop(self) -> None:
        self.state = LinkState.STOPPING
        if self.retry is not None:
            self.retry.cancel()
            self.retry = None
        for task in (self.reader, self.poller, self.pinger):
            if task is not None and not task.done():
                task.cancel()
        self.reader = self.poller = self.pinger = None
        await self._close_socket()
        self.state = LinkState.STOPPED

    async def _open(self) -> None:
        if self.connected:
            return
        try:
            self.sock = await self.dial(self.url)
            self.connected = True
            self.reader = asyncio.ensure_future(self._read_frames())  # LEAK
            await self.sock.send(json.dumps({"type": "hello"}))
        except Exception as exc:
            await self._lost(exc)

    async def _close_socket(self) -> None:
        if self.sock is not None:
            try:
                await self.sock.close()
            except Exception:
                pass
            self.sock = None
        self.connected = False

    async def _read_frames(self) -> None:
        try:
            async for raw in self.sock:
                self._dispatch(raw)
        except asyncio.CancelledError:
            return
        except Exception as exc:
            await self._lost(exc)

    def _dispatch(self, raw: Any) -> None:
        frame = json.loads(raw)
        kind = frame.get("type")
        if kind == "welcome":
            asyncio.ensure_future(self._welcomed())  # LEAK
        elif kind == "rejected":
            log.error("relay refused us: %s", frame.get("reason"))
            asyncio.ensure_future(self._lost(None))  # LEAK
        else:
            self.core.deliver(frame)

    async def _welcomed(self) -> None:
        self.state = LinkState.RUNNING
        for task in (self.poller, self.pinger):
            if task is not None and not task.done():
                task.cancel()
        self.poller = asyncio.ensure_future(self._poll_outbox())
        self.pinger = asyncio.ensure_future(self._ping())

    async def _poll_outbox(self) -> None:
        while True:
            for item in self.core.take_outgoing():
                await self.sock.send(item)
            await asyncio.sleep(0.5)

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(20)
            await self.sock.send(json.dumps({"type": "ping"}))

    async def _lost(self, error: Optional[BaseException]) -> None:
        self.connected = False
        for task in (self.poller, self.pinger):
            if task is not None and not task.done():
                task.cancel()
        self.poller = self.pinger = None
        log.warning("relay connection lost: %s", error)
        if self.state not in (LinkState.STOPPING, LinkState.STOPPED):
            self._schedule_retry()

    def _schedule_retry(self) -> None:
        loop = asyncio.get_running_loop()
        self.retry = loop.call_later(self.backoff, lambda: asyncio.ensure_future(self._open()))
        self.backoff = min(self.backoff * 2, 60.0)
