import asyncio
import json
from datetime import datetime, timezone
from typing import Any, Coroutine, Set
from uuid import UUID


# keep background tasks alive until they are done: the loop holds them weakly
bg_tasks: "Set[asyncio.Task[Any]]" = set()


class JSONSerializer(json.JSONEncoder):
    """Serialize UUIDs and datetimes as strings."""

    def default(self, o: Any) -> Any:
        if isinstance(o, UUID):
            return str(o)
        if isinstance(o, datetime):
            return o.isoformat()
        return super().default(o)


def dt_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def run_async_task(coro: Coroutine[Any, Any, Any]) -> None:
    """Start a background task and keep it until it is done."""
    task = asyncio.create_task(coro)
    bg_tasks.add(task)
    task.add_done_callback(bg_tasks.discard)
