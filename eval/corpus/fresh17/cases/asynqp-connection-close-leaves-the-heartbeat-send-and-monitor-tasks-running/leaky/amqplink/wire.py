import asyncio
from typing import Any, Optional


class BeatFrame:
    payload = b"\x08\x00\x00\x00\x00\x00\x00\xce"


class BeatWatch:
    def __init__(self, link: "WireLink", loop: asyncio.AbstractEventLoop) -> None:
        self.link = link
        self.loop = loop
        self.sender: Optional[asyncio.Task] = None
        self.watcher: Optional[asyncio.Task] = None
        self.last_seen = 0.0

    def begin(self, every: float) -> None:
        if every <= 0:
            return
        self.sender = self.loop.create_task(self._send_beats(every))  # LEAK
        self.watcher = self.loop.create_task(self._watch_beats(every))  # LEAK

    def halt(self) -> None:
        for task in (self.sender, self.watcher):
            if task is not None:
                task.cancel()

    def saw_traffic(self) -> None:
        self.last_seen = self.loop.time()

    async def _send_beats(self, every: float) -> None:
        while True:
            self.link.write_frame(BeatFrame())
            await asyncio.sleep(every)

    async def _watch_beats(self, every: float) -> None:
        self.last_seen = self.loop.time()
        while True:
            await asyncio.sleep(every * 2)
            if self.loop.time() - self.last_seen > every * 2:
                self.link.lost(TimeoutError("no heartbeat from the broker"))
                return


class WireLink(asyncio.Protocol):
    def __init__(self, router: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.router = router
        self.transport: Any = None
        self.beats = BeatWatch(self, loop)

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.beats.saw_traffic()
        self.router.feed(data)

    def write_frame(self, frame: BeatFrame) -> None:
        self.transport.write(frame.payload)

    def start_beats(self, every: float) -> None:
        self.beats.begin(every)

    def lost(self, exc: Optional[BaseException]) -> None:
        self.router.fail_all(exc)
