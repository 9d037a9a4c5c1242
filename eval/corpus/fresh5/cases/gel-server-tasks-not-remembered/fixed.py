from __future__ import annotations

import asyncio
import logging
from typing import Coroutine, Dict, Set

logger = logging.getLogger(__name__)


class Server:
    def __init__(self) -> None:
        self._loop = asyncio.get_event_loop()
        self._schema_versions: Dict[str, int] = {}
        self._tasks: Set[asyncio.Task] = set()

    def create_task(self, coro: Coroutine) -> asyncio.Task:
        # the loop keeps tasks only weakly: remember each one until it is done
        task = self._loop.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _signal_sysevent(self, event: str, dbname: str) -> None:
        await asyncio.sleep(0)
        logger.info("system event %s for %s", event, dbname)

    async def _introspect_db(self, dbname: str) -> None:
        await asyncio.sleep(0)
        self._schema_versions[dbname] = self._schema_versions.get(dbname, 0) + 1

    def on_database_created(self, dbname: str) -> None:
        self.create_task(self._introspect_db(dbname))
        self.create_task(self._signal_sysevent("database-created", dbname))
