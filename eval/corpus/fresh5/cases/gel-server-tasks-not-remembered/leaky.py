from __future__ import annotations

import asyncio
import logging
from typing import Dict

logger = logging.getLogger(__name__)


class Server:
    def __init__(self) -> None:
        self._loop = asyncio.get_event_loop()
        self._schema_versions: Dict[str, int] = {}

    async def _signal_sysevent(self, event: str, dbname: str) -> None:
        await asyncio.sleep(0)
        logger.info("system event %s for %s", event, dbname)

    async def _introspect_db(self, dbname: str) -> None:
        await asyncio.sleep(0)
        self._schema_versions[dbname] = self._schema_versions.get(dbname, 0) + 1

    def on_database_created(self, dbname: str) -> None:
        self._loop.create_task(self._introspect_db(dbname))  # LEAK
        self._loop.create_task(self._signal_sysevent("database-created", dbname))  # LEAK
