import asyncio
import logging
from abc import ABCMeta, abstractmethod
from typing import Optional

import zmq
import zmq.asyncio

from ai.backend.common.asyncio import current_loop

log = logging.getLogger(__name__)


class RobustSocket:
    def __init__(self, socket_type: int, addr: str, zctx: zmq.asyncio.Context) -> None:
        self._sock = zctx.socket(socket_type)
        self._sock.connect(addr)
        self._sock.setsockopt(zmq.LINGER, 50)

    def close(self) -> None:
        try:
            self._sock.close()
        except zmq.ZMQError:
            pass


class SocketPair:
    def __init__(self, input_sock: RobustSocket, output_sock: RobustSocket) -> None:
        self.input_sock = input_sock
        self.output_sock = output_sock

    def close(self) -> None:
        self.input_sock.close()
        self.output_sock.close()


class AbstractCodeRunner(metaclass=ABCMeta):
    read_task: Optional[asyncio.Task]
    status_task: Optional[asyncio.Task]
    watchdog_task: Optional[asyncio.Task]

    def __init__(self, kernel_id: str, exec_timeout: float = 0) -> None:
        self.kernel_id = kernel_id
        self.exec_timeout = exec_timeout
        self.zctx = zmq.asyncio.Context()
        self._sockets: Optional[SocketPair] = None
        self.status_queue: asyncio.Queue = asyncio.Queue(maxsize=128)
        self.read_task = None
        self.status_task = None
        self.watchdog_task = None
        self._closed = False

    async def _create_sockets(self) -> SocketPair:
        input_sock = RobustSocket(zmq.PUSH, await self.get_repl_in_addr(), self.zctx)
        output_sock = RobustSocket(zmq.PULL, await self.get_repl_out_addr(), self.zctx)
        return SocketPair(input_sock, output_sock)

    async def _get_socket_pair(self) -> SocketPair:
        if self._sockets is None:
            self._sockets = await self._create_sockets()
        return self._sockets

    async def refresh_sockets(self) -> None:
        if self.read_task is not None:
            self.read_task.cancel()
        self._sockets = await self._create_sockets()
        loop = current_loop()
        self.read_task = loop.create_task(self.read_output())

    def __setstate__(self, props):
        self.__dict__.update(props)
        self.zctx = zmq.asyncio.Context()
        self._sockets = None
        self.read_task = None
        self.status_task = None
        self.watchdog_task = None
        self._closed = False
        # __ainit__() is called by the caller.

    @abstractmethod
    async def get_repl_in_addr(self) -> str:
        raise NotImplementedError

    @abstractmethod
    async def get_repl_out_addr(self) -> str:
        raise NotImplementedError

    async def ping_status(self) -> None:
        while True:
            sockets = await self._get_socket_pair()
            await sockets.input_sock._sock.send_multipart([b"status", b""])
            await asyncio.sleep(10)

    async def read_output(self) -> None:
        while True:
            sockets = await self._get_socket_pair()
            msg = await sockets.output_sock._sock.recv_multipart()
            await self.status_queue.put(msg)

    async def watchdog(self) -> None:
        await asyncio.sleep(self.exec_timeout)
        await self.close()

    async def __ainit__(self) -> None:
        loop = current_loop()
        await self._get_socket_pair()
        self.status_task = loop.create_task(self.ping_status())  # LEAK
        self.read_task = loop.create_task(self.read_output())  # LEAK
        if self.exec_timeout > 0:
            self.watchdog_task = loop.create_task(self.watchdog())
        else:
            self.watchdog_task = None

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            if self.watchdog_task and not self.watchdog_task.done():
                self.watchdog_task.cancel()
                await self.watchdog_task  # LEAK
            if self.status_task and not self.status_task.done():
                self.status_task.cancel()
                await self.status_task
            if self.read_task and not self.read_task.done():
                self.read_task.cancel()
                await self.read_task
            if self._sockets is not None:
                self._sockets.close()
        except Exception:
            log.exception("AbstractCodeRunner.close(): unexpected error")
