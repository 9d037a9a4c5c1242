from __future__ import annotations

import asyncio
import logging
from typing import Optional, Set

import serial_asyncio_fast as serial_asyncio

logger = logging.getLogger("meshcore")


class SerialConnection:
    def __init__(self, port: str, baudrate: int) -> None:
        self.port = port
        self.baudrate = baudrate
        self.transport = None
        self.reader = None
        self._disconnect_callback = None
        self._connected_event = asyncio.Event()
        self._background_tasks: Set[asyncio.Task] = set()
        self.inframe = b""

    def _spawn_background(self, coro) -> asyncio.Task:
        """Create a tracked background task (the loop keeps only a weak reference)."""
        task = asyncio.create_task(coro)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)
        return task

    class MCSerialClientProtocol(asyncio.Protocol):
        def __init__(self, cx: "SerialConnection") -> None:
            self.cx = cx

        def connection_made(self, transport) -> None:
            self.cx.transport = transport
            self.cx._connected_event.set()

        def data_received(self, data: bytes) -> None:
            self.cx.handle_rx(data)

        def connection_lost(self, exc: Optional[Exception]) -> None:
            self.cx._connected_event.clear()
            if self.cx._disconnect_callback:
                self.cx._spawn_background(self.cx._disconnect_callback("serial_disconnect"))

    async def connect(self) -> Optional[str]:
        self._connected_event.clear()
        loop = asyncio.get_running_loop()
        await serial_asyncio.create_serial_connection(
            loop, lambda: self.MCSerialClientProtocol(self), self.port, baudrate=self.baudrate
        )
        await self._connected_event.wait()
        return self.port

    def set_reader(self, reader) -> None:
        self.reader = reader

    def set_disconnect_callback(self, callback) -> None:
        self._disconnect_callback = callback

    def handle_rx(self, data: bytes) -> None:
        self.inframe += data
        if self.reader is not None:
            self._spawn_background(self.reader.handle_rx(self.inframe))
        self.inframe = b""
