from __future__ import annotations

import asyncio
from typing import Any, Dict, Set

# strong references to running background pipelines (the loop keeps only weak ones)
_RUNNING_PIPELINES: Set["asyncio.Task[None]"] = set()


async def run_pipeline(pipeline: Any, data: Any) -> None:
    async for _ in pipeline.run(data):
        pass


async def run_pipeline_as_background_process(pipeline: Any, data: Any) -> Dict[str, str]:
    pipeline_run_id = pipeline.new_run_id()
    task = asyncio.create_task(run_pipeline(pipeline, data))
    _RUNNING_PIPELINES.add(task)
    task.add_done_callback(_RUNNING_PIPELINES.discard)
    return {"pipeline_run_id": pipeline_run_id, "status": "started"}
