import asyncio
from typing import Any, Callable

from .session import SessionState, run_session


class ToolClient:
    def __init__(self, open_transport: Callable[[], Any], disconnect_timeout: float = 5.0) -> None:
        self.open_transport = open_transport
        self.disconnect_timeout = disconnect_timeout
        self.state = SessionState()

    async def __aenter__(self) -> "ToolClient":
        await self.connect()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.disconnect()

    async def connect(self) -> None:
        if self.state.task is not None and not self.state.task.done():
            return
        self.state.ready = asyncio.Event()
        self.state.stop = asyncio.Event()
        self.state.task = asyncio.create_task(run_session(self.state, self.open_transport))
        await self.state.ready.wait()
        if self.state.task.done():
            self.state.task.result()

    async def disconnect(self) -> None:
        task = self.state.task
        if task is None:
            return
        self.state.stop.set()
        try:
            await asyncio.wait({task}, timeout=self.disconnect_timeout)
        finally:
            if not task.done():
                task.cancel()
                await asyncio.shield(asyncio.wait({task}, timeout=self.disconnect_timeout))
            self.state.task = None

    async def call(self, tool: str, **arguments: Any) -> Any:
        if self.state.session is None:
            raise RuntimeError("client is not connected")
        return await self.state.session.call_tool(tool, arguments)
