from __future__ import annotations

import asyncio
from typing import Any, Dict, Optional


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
        self.request_serials_task: Optional["asyncio.Task[Dict[str, int]]"] = None

    async def send_command(self, addr, command: str) -> None:
        await asyncio.sleep(0)

    async def async_close(self) -> None:
        if self.ping_task is not None:
            await cancel(self.ping_task)
        if self.request_serials_task is not None:
            await cancel(self.request_serials_task)

    def get_address_conn(self, addr, request_serials: bool = True) -> ModuleConnection:
        address_conn = self.address_conns.get(addr, None)
        if address_conn is None:
            address_conn = ModuleConnection(self, addr)
            if request_serials:
                self.request_serials_task = asyncio.create_task(address_conn.request_serials())  # LEAK
            self.address_conns[addr] = address_conn
        return address_conn
