import contextlib
import enum
from typing import Any, AsyncIterator, Awaitable, Callable, Optional

from .errors import BackendConnectionRefused, BackendNotAvailable

Status = enum.Enum("Status", "READY LOST INITIALIZING REFUSED CRASHED")


class AuthenticatedConn:
    def __init__(self, connect: Callable[[], Awaitable[Any]]) -> None:
        self._connect = connect
        self._status = Status.LOST
        self._status_exc: Optional[Exception] = None

    def set_status(self, status: "Status", status_exc: Optional[Exception] = None) -> None:
        self._status = status
        self._status_exc = status_exc

    @contextlib.asynccontextmanager
    async def acquire_transport(self, ignore_status: bool = False) -> AsyncIterator[Any]:
        if not ignore_status and self._status_exc is not None:
            raise self._status_exc  # LEAK
        try:
            transport = await self._connect()
        except BackendNotAvailable as exc:
            self.set_status(Status.LOST, exc)
            raise
        except BackendConnectionRefused as exc:
            self.set_status(Status.REFUSED, exc)
            raise
        self.set_status(Status.READY)
        yield transport

    async def send(self, request: bytes) -> Any:
        async with self.acquire_transport() as transport:
            return await transport.send(request)
