from __future__ import annotations

import asyncio
from typing import Any, Dict


async def _sync_to_cloud(user: Any, datasets: list) -> None:
    for dataset in datasets:
        await user.upload(dataset)


async def sync(user: Any, datasets: list) -> Dict[str, Any]:
    asyncio.create_task(_sync_to_cloud(user, datasets))  # LEAK
    return {"status": "started", "datasets": len(datasets)}
