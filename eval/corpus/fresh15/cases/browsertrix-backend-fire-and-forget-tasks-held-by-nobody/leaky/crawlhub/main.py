import asyncio
import logging
from typing import Any

log = logging.getLogger("main")


async def await_db_and_migrations(db: Any, db_inited: "asyncio.Event") -> None:
    while True:
        try:
            await db.command("ping")
            break
        except Exception:
            log.info("waiting for the database")
            await asyncio.sleep(5)
    await db["migrations"].update_one({"_id": "version"}, {"$max": {"version": 42}}, upsert=True)
    db_inited.set()


async def ensure_cron_cleanup_jobs_exist(jobs: Any) -> None:
    await jobs.update_one({"_id": "cleanup"}, {"$setOnInsert": {"schedule": "0 3 * * *"}}, upsert=True)


def on_startup(db: Any, db_inited: "asyncio.Event") -> None:
    asyncio.create_task(await_db_and_migrations(db, db_inited))  # LEAK
    asyncio.create_task(ensure_cron_cleanup_jobs_exist(db["jobs"]))  # LEAK
