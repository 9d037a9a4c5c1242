import asyncio
import contextlib
import logging
import threading
from typing import Any, Dict, List, Set

from .catalog import refresh_catalog

log = logging.getLogger(__name__)


class ToolServerHub:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tool-loop", daemon=True)
        self._thread.start()
        self._sessions: Dict[str, Any] = {}
        self._tools: Dict[str, List[str]] = {}
        self._background: Set["asyncio.Task[Any]"] = set()

    def _spawn(self, coro: Any, label: str) -> "asyncio.Task[Any]":
        task = asyncio.create_task(coro)
        self._background.add(task)

        def done(t: "asyncio.Task[Any]") -> None:
            try:
                if not t.cancelled() and t.exception() is not None:
                    log.warning("background %s failed", label, exc_info=t.exception())
            finally:
                self._background.discard(t)

        task.add_done_callback(done)
        return task

    def on_reconnected(self, server: str, session: Any) -> None:
        self._sessions[server] = session

        def schedule() -> None:
            try:
                self._spawn(refresh_catalog(session, self._tools, server), "catalog refresh for %s" % server)
            except Exception:
                log.warning("scheduling catalog refresh failed for %s", server, exc_info=True)

        self._loop.call_soon_threadsafe(schedule)

    def shutdown(self) -> None:
        if self._loop.is_running():

            async def cancel_background() -> None:
                pending = list(self._background)
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)

            drained = asyncio.run_coroutine_threadsafe(cancel_background(), self._loop)
            with contextlib.suppress(Exception):
                drained.result(timeout=10)
        for server, session in list(self._sessions.items()):
            future = asyncio.run_coroutine_threadsafe(session.close(), self._loop)
            with contextlib.suppress(Exception):
                future.result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        if self._thread.is_alive():
            log.warning("tool loop thread did not stop; loop left open")
        else:
            self._loop.close()
        self._background.clear()
        self._sessions.clear()
        self._tools.clear()
