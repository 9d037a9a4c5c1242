from __future__ import annotations

import asyncio
from typing import Any, Dict, Optional, Set


async def cancel(task: "asyncio.Task[Any]") -> None:
    """Cancel a task and wait for it, without propagating its CancelledError."""
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass


class ModuleConnection:
    def __init__(self, conn, addr) -> None:
        self.conn = conn
        self.addr = addr

    async def request_serials(self) -> Dict[str, int]:
        await self.conn.send_command(self.addr, "SN")
        return {"serial": 0}


class PchkConnectionManager:
    def __init__(self) -> None:
        self.address_conns: Dict[Any, ModuleConnection] = {}
        self.ping_task: Optional["asyncio.Task[None]"] = None
        self.request_serials_tasks: Set["asyncio.Task[Dict[str, int]]"] = set()

    async def send_command(self, addr, command: str) -> None:
        await asyncio.sleep(0)

    async def async_close(self) -> None:
        if self.ping_task is not None:
            await cancel(self.ping_task)
        await asyncio.gather(*(cancel(t) for t in self.request_serials_tasks))

    def get_address_conn(self, addr, request_serials: bool = True) -> ModuleConnection:
        address_conn = self.address_conns.get(addr, None)
        if address_conn is None:
            address_conn = ModuleConnection(self, addr)
            if request_serials:
                request_task = asyncio.create_task(address_conn.request_serials())
                self.request_serials_tasks.add(request_task)
                request_task.add_done_callback(self.request_serials_tasks.remove)
            self.address_conns[addr] = address_conn
        return address_conn
