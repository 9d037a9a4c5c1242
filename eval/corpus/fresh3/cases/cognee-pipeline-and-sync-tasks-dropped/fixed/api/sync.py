from __future__ import annotations

import asyncio
from typing import Any, Dict, Set

_RUNNING_SYNCS: Set["asyncio.Task[None]"] = set()


async def _sync_to_cloud(user: Any, datasets: list) -> None:
    for dataset in datasets:
        await user.upload(dataset)


async def sync(user: Any, datasets: list) -> Dict[str, Any]:
    task = asyncio.create_task(_sync_to_cloud(user, datasets))
    _RUNNING_SYNCS.add(task)
    task.add_done_callback(_RUNNING_SYNCS.discard)
    return {"status": "started", "datasets": len(datasets)}
