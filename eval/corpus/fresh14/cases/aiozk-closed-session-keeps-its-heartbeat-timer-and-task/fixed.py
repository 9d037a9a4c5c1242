import asyncio
import logging
from typing import Any, Optional

log = logging.getLogger(__name__)

HEARTBEAT_FREQUENCY = 3


class ConnectError(Exception):
    pass


class Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    async def send(self, payload: bytes) -> int:
        self.writer.write(payload)
        await self.writer.drain()
        header = await self.reader.readexactly(8)
        return int.from_bytes(header, "big")

    async def close(self, timeout: float) -> None:
        self.writer.close()
        await asyncio.wait_for(self.writer.wait_closed(), timeout)


class Session:
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.loop = asyncio.get_event_loop()
        self.conn: Optional[Connection] = None
        self.last_zxid: Optional[int] = None
        self.repair_loop_task: Optional["asyncio.Task[Any]"] = None
        self.heartbeat_handle: Optional[asyncio.TimerHandle] = None
        self.heartbeat_task: Optional["asyncio.Task[Any]"] = None
        self.started = False
        self.closing = False

    async def start(self) -> None:
        if self.started:
            return
        self.loop.call_soon(self.set_heartbeat)
        self.repair_loop_task = self.loop.create_task(self.repair_loop())
        self.started = True

    async def repair_loop(self) -> None:
        while not self.closing:
            if self.conn is None:
                reader, writer = await asyncio.open_connection(self.host, self.port)
                self.conn = Connection(reader, writer)
            await asyncio.sleep(self.timeout / 2)

    async def send(self, payload: bytes) -> int:
        if self.conn is None:
            raise ConnectError("not connected")
        zxid = await self.conn.send(payload)
        self.last_zxid = zxid
        self.set_heartbeat()
        return zxid

    def set_heartbeat(self) -> None:
        if self.heartbeat_handle is not None:
            self.heartbeat_handle.cancel()
        self.heartbeat_handle = self.loop.call_later(
            self.timeout / HEARTBEAT_FREQUENCY, self.create_heartbeat
        )

    def create_heartbeat(self) -> None:
        if self.heartbeat_task is None or self.heartbeat_task.done():
            self.heartbeat_task = self.loop.create_task(self.heartbeat())

    async def heartbeat(self) -> None:
        if self.closing:
            return
        try:
            wait = self.timeout - self.timeout / HEARTBEAT_FREQUENCY
            await asyncio.wait_for(self.send(b"\x00\x00\x00\x08\xff\xff\xff\xfe"), wait)
        except (ConnectError, asyncio.TimeoutError):
            log.warning("heartbeat failed, session suspended")
        finally:
            self.set_heartbeat()

    async def close(self) -> None:
        if not self.started or self.closing:
            return
        self.closing = True
        if self.repair_loop_task is not None:
            self.repair_loop_task.cancel()
        if self.conn is not None:
            await self.conn.close(self.timeout)
        if self.heartbeat_handle is not None:
            self.heartbeat_handle.cancel()
            self.heartbeat_handle = None
        if self.heartbeat_task is not None and not self.heartbeat_task.done():
            self.heartbeat_task.cancel()
            self.heartbeat_task = None
        self.closing = False
        self.started = False
