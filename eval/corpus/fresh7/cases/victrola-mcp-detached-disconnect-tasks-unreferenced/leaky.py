from __future__ import annotations

import asyncio
import logging
from typing import Any

logger = logging.getLogger(__name__)

_DETACHED_DISCONNECT_TIMEOUT = 5.0
_RECONNECT_TIMEOUT = 30.0


async def _detached_disconnect(conn: "MCPConnection") -> None:
    """Close a connection in the background with a best-effort timeout."""
    try:
        await asyncio.wait_for(conn.disconnect(), timeout=_DETACHED_DISCONNECT_TIMEOUT)
    except (Exception, asyncio.CancelledError):
        logger.warning("Detached disconnect failed (abandoned)", exc_info=True)


class MCPConnection:
    def __init__(self, command: list) -> None:
        self.command = command
        self._session: Any = None
        self._process: Any = None

    async def connect(self) -> None:
        self._process = await asyncio.create_subprocess_exec(*self.command, stdin=asyncio.subprocess.PIPE,
                                                             stdout=asyncio.subprocess.PIPE)
        self._session = object()

    async def disconnect(self) -> None:
        if self._process is not None:
            self._process.terminate()
            await self._process.wait()
            self._process = None
        self._session = None


class MCPManager:
    def __init__(self, servers: dict) -> None:
        self._servers = servers
        self._connections: dict[str, MCPConnection] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def _get_lock(self, name: str) -> asyncio.Lock:
        if name not in self._locks:
            self._locks[name] = asyncio.Lock()
        return self._locks[name]

    async def _connect_server_impl(self, name: str) -> None:
        conn = MCPConnection(self._servers[name])
        await conn.connect()
        self._connections[name] = conn

    def _cleanup_connection(self, name: str) -> None:
        conn = self._connections.pop(name, None)
        if conn:
            conn._session = None
            asyncio.create_task(_detached_disconnect(conn))  # LEAK

    async def _reconnect_server(self, name: str) -> bool:
        async with self._get_lock(name):
            if name not in self._connections:
                return False
            try:
                await asyncio.wait_for(self._reconnect_server_impl(name), timeout=_RECONNECT_TIMEOUT)
                return True
            except asyncio.TimeoutError:
                logger.warning("Auto-reconnect timed out for '%s'", name)
                conn = self._connections.pop(name, None)
                if conn:
                    conn._session = None
                    asyncio.create_task(_detached_disconnect(conn))  # LEAK
                return False

    async def _reconnect_server_impl(self, name: str) -> None:
        conn = self._connections.pop(name, None)
        if conn:
            conn._session = None
            asyncio.create_task(_detached_disconnect(conn))  # LEAK
        await self._connect_server_impl(name)

    async def delete_server(self, name: str) -> str:
        async with self._get_lock(name):
            self._cleanup_connection(name)
            self._servers.pop(name, None)
        return f"Deleted MCP server '{name}'"
