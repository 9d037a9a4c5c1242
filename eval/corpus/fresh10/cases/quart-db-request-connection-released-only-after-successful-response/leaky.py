from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Dict, Optional

from quart import g, Quart, Response

from ._backends import BackendABC, ConnectionABC, create_backend


class QuartDB:
    def __init__(self, app: Optional[Quart] = None, *, url: Optional[str] = None,
                 auto_request_connection: bool = True,
                 backend_options: Optional[Dict[str, Any]] = None) -> None:
        self._close_timeout = 5  # seconds
        self._url = url
        self._backend_options = backend_options or {}
        self._backend: Optional[BackendABC] = None
        self._auto_request_connection = auto_request_connection
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Quart) -> None:
        app.extensions.setdefault("QUART_DB", []).append(self)
        if self._url is None:
            self._url = app.config["QUART_DB_DATABASE_URL"]
        app.before_serving(self.before_serving)
        app.after_serving(self.after_serving)
        if app.config.get("QUART_DB_AUTO_REQUEST_CONNECTION", self._auto_request_connection):
            app.before_request(self.before_request)
            app.after_request(self.after_request)

    async def before_serving(self) -> None:
        self._backend = create_backend(self._url, self._backend_options)
        await self._backend.connect()

    async def after_serving(self) -> None:
        await self._backend.disconnect(self._close_timeout)

    async def before_request(self) -> None:
        g.connection = await self.acquire()  # LEAK

    async def after_request(self, response: Response) -> Response:
        if getattr(g, "connection", None) is not None:
            await self.release(g.connection)
        g.connection = None
        return response

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[ConnectionABC]:
        conn = await self.acquire()
        try:
            yield conn
        finally:
            await self.release(conn)

    async def acquire(self) -> ConnectionABC:
        return await self._backend.acquire()

    async def release(self, connection: ConnectionABC) -> None:
        await self._backend.release(connection)
