from __future__ import annotations

import weakref
from typing import Any, Dict, Optional

from mcp.server.fastmcp import FastMCP

from .middleware import MiddlewareServerSession


class MCPServer(FastMCP):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        # resources/subscribe + unsubscribe: track per-URI subscriptions
        # a WeakSet, so a session collected after its client disconnects leaves the set
        self._resource_subscriptions: Dict[str, weakref.WeakSet] = {}  # uri -> WeakSet of sessions

        @self._mcp_server.subscribe_resource()
        async def _handle_subscribe(uri: Any) -> None:
            session = self._current_session()
            if session:
                self._resource_subscriptions.setdefault(str(uri), weakref.WeakSet()).add(session)

        @self._mcp_server.unsubscribe_resource()
        async def _handle_unsubscribe(uri: Any) -> None:
            session = self._current_session()
            if session:
                subscribers = self._resource_subscriptions.get(str(uri))
                if subscribers:
                    subscribers.discard(session)
                    if not subscribers:
                        del self._resource_subscriptions[str(uri)]

    def _current_session(self) -> Optional[MiddlewareServerSession]:
        try:
            return self._mcp_server.request_context.session
        except LookupError:
            return None

    async def notify_resource_updated(self, uri: str) -> None:
        subscribers = self._resource_subscriptions.get(uri)
        if not subscribers:
            # clean up an empty entry left behind after all its sessions were collected
            self._resource_subscriptions.pop(uri, None)
            return
        # iterate a snapshot: the WeakSet may shrink while sessions are collected
        for session in list(subscribers):
            try:
                await session.send_resource_updated(uri=uri)
            except Exception:
                pass  # session may have disconnected
