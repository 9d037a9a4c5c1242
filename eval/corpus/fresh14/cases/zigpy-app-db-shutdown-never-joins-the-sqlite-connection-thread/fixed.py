import asyncio
import logging
import sqlite3
from typing import Any, Tuple

import aiosqlite

LOGGER = logging.getLogger(__name__)


def aiosqlite_connect(database: str, iter_chunk_size: int = 64, **kwargs: Any) -> aiosqlite.Connection:
    """Like aiosqlite.connect(), but with the sqlite3 module chosen here."""
    return aiosqlite.Connection(
        connector=lambda: sqlite3.connect(str(database), **kwargs),
        iter_chunk_size=iter_chunk_size,
    )


class PersistingListener:
    def __init__(self, connection: aiosqlite.Connection, application: Any) -> None:
        self._db = connection
        self._application = application
        self._callback_handlers: "asyncio.Queue[Tuple[str, Tuple[Any, ...]]]" = asyncio.Queue()
        self.running = False
        self._worker_task = asyncio.create_task(self._worker())

    @classmethod
    async def new(cls, database_file: str, app: Any) -> "PersistingListener":
        sqlite_conn = await aiosqlite_connect(
            database_file, detect_types=sqlite3.PARSE_DECLTYPES, isolation_level="DEFERRED"
        )
        listener = cls(sqlite_conn, app)
        try:
            await listener.initialize_tables()
        except Exception:
            await listener.shutdown()
            raise
        listener.running = True
        return listener

    async def initialize_tables(self) -> None:
        await self._db.execute("PRAGMA journal_mode = WAL")
        await self._db.execute("CREATE TABLE IF NOT EXISTS devices (ieee ieee, nwk INTEGER, status INTEGER)")
        await self._db.commit()

    async def _worker(self) -> None:
        while True:
            cb_name, args = await self._callback_handlers.get()
            handler = getattr(self, cb_name)
            try:
                await handler(*args)
            except sqlite3.Error as exc:
                LOGGER.debug("error handling %r with %s: %s", cb_name, args, exc)
            except Exception as ex:
                LOGGER.error("unexpected error while processing %s(%s): %s", cb_name, args, ex)
            self._callback_handlers.task_done()

    async def _save_device(self, ieee: str, nwk: int) -> None:
        await self._db.execute("INSERT INTO devices VALUES (?, ?, 0)", (ieee, nwk))
        await self._db.commit()

    def enqueue(self, cb_name: str, *args: Any) -> None:
        if not self.running:
            LOGGER.warning("discarding %s event", cb_name)
            return
        self._callback_handlers.put_nowait((cb_name, args))

    async def shutdown(self) -> None:
        self.running = False
        await self._callback_handlers.join()
        if not self._worker_task.done():
            self._worker_task.cancel()
        await self._db.execute("PRAGMA wal_checkpoint;")
        await self._db.close()
        # the connection's thread does not always stop at once: wait for it
        await asyncio.get_running_loop().run_in_executor(None, self._db.join)
