import asyncio
import contextlib
import logging
import threading
from typing import Any, Dict, List

from .catalog import refresh_catalog

log = logging.getLogger(__name__)


class ToolServerHub:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tool-loop", daemon=True)
        self._thread.start()
        self._sessions: Dict[str, Any] = {}
        self._tools: Dict[str, List[str]] = {}

    def on_reconnected(self, server: str, session: Any) -> None:
        self._sessions[server] = session

        def schedule() -> None:
            try:
                asyncio.create_task(refresh_catalog(session, self._tools, server))  # LEAK
            except Exception:
                log.warning("catalog refresh after reconnect failed for %s", server, exc_info=True)

        self._loop.call_soon_threadsafe(schedule)

    def shutdown(self) -> None:
        for server, session in list(self._sessions.items()):
            future = asyncio.run_coroutine_threadsafe(session.close(), self._loop)
            with contextlib.suppress(Exception):
                future.result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._sessions.clear()
        self._tools.clear()
