import asyncio
import time
from typing import Dict, Optional

from .proxy import ClientProxy


class UserServer:
    def __init__(self) -> None:
        self.clients: Dict["asyncio.Task[None]", ClientProxy] = {}
        self.next_number = 1
        self.expiry: Optional[float] = None
        self.last_message: Dict[str, str] = {}

    def new_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        name = "client-%08d" % self.next_number
        self.next_number += 1
        proxy = ClientProxy(self, name, reader, writer)
        task = asyncio.create_task(proxy.run(), name=name)
        task.add_done_callback(self.client_done)
        self.clients[task] = proxy
        self.expiry = None

    def client_done(self, task: "asyncio.Task[None]") -> None:
        if self.clients.pop(task, None) is not None and not self.clients:
            self.expiry = time.monotonic() + 1800

    async def dispatch(self, proxy: ClientProxy, message: str) -> None:
        self.last_message[proxy.name] = message

    async def drop_client(self, name: str) -> None:
        # called by the idle checker, outside the client's read loop
        for proxy in list(self.clients.values()):
            if proxy.name == name:
                await proxy.close()

    async def shutdown(self) -> None:
        await asyncio.gather(*(proxy.close() for proxy in list(self.clients.values())))
