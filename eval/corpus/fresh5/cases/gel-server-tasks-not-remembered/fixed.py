from __future__ import annotations

import asyncio
from typing import Any, Coroutine, Dict, Set


class Server:
    _tasks: Set[asyncio.Task]

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.__loop = loop
        self._accept_new_tasks = True
        self._schema_versions: Dict[str, int] = {}
        self._tasks = set()

    def create_task(self, coro: Coroutine[Any, Any, Any], *, interruptable: bool) -> asyncio.Task:
        # Interruptable tasks are regular asyncio tasks that may be interrupted when the loop stops
        if self._accept_new_tasks:
            rv = self.__loop.create_task(coro)
            # Keep a strong reference of the created Task
            self._tasks.add(rv)
            rv.add_done_callback(self._tasks.discard)
            return rv
        raise RuntimeError("task cannot be created at this time")

    async def introspect_db(self, dbname: str) -> None:
        await asyncio.sleep(0)
        self._schema_versions[dbname] = self._schema_versions.get(dbname, 0) + 1

    def _on_remote_ddl(self, dbname: str) -> None:
        if not self._accept_new_tasks:
            return

        # Triggered by a postgres notification event 'schema-changes'
        async def task() -> None:
            await self.introspect_db(dbname)

        self.create_task(task(), interruptable=True)

    def _on_remote_database_config_change(self, dbname: str) -> None:
        if not self._accept_new_tasks:
            return

        async def task() -> None:
            await self.introspect_db(dbname)

        self.create_task(task(), interruptable=True)
