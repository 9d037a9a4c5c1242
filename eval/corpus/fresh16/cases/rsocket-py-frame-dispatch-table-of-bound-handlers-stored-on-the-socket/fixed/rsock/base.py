import asyncio
from typing import Any, Awaitable, Callable, Dict, List, Optional, Type

from .frames import (ErrorFrame, Frame, KeepAliveFrame, RequestResponseFrame, RequestStreamFrame, SetupFrame,
                     async_noop)

Handler = Callable[[Frame], Awaitable[None]]


class SocketBase:
    def __init__(self, inbound: "asyncio.Queue[Optional[Frame]]") -> None:
        self._inbound = inbound
        self._sent: List[bytes] = []
        self._receiver_task: Optional["asyncio.Task[None]"] = None

    async def handle_request_response(self, frame: Frame) -> None:
        self._sent.append(b"response:" + frame.payload)

    async def handle_request_stream(self, frame: Frame) -> None:
        self._sent.append(b"stream:" + frame.payload)

    async def handle_setup(self, frame: Frame) -> None:
        self._sent.append(b"setup-ok")

    async def handle_keep_alive(self, frame: Frame) -> None:
        self._sent.append(b"keepalive")

    async def handle_error(self, frame: Frame) -> None:
        self._sent.append(b"error-ack")

    async def _dispatch(self, frame: Frame, handler_by_type: Dict[Type[Frame], Handler]) -> None:
        handler = handler_by_type.get(type(frame), async_noop)
        await handler(frame)

    async def _receiver_listen(self) -> None:
        # a local table: the bound handlers live only as long as the receive loop
        handler_by_type: Dict[Type[Frame], Handler] = {
            RequestResponseFrame: self.handle_request_response,
            RequestStreamFrame: self.handle_request_stream,
            SetupFrame: self.handle_setup,
            KeepAliveFrame: self.handle_keep_alive,
            ErrorFrame: self.handle_error,
        }
        while True:
            frame = await self._inbound.get()
            if frame is None:
                break
            await self._dispatch(frame, handler_by_type)

    def start(self) -> None:
        self._receiver_task = asyncio.ensure_future(self._receiver_listen())

    async def close(self) -> None:
        if self._receiver_task is not None:
            self._receiver_task.cancel()
            self._receiver_task = None
