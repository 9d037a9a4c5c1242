from __future__ import annotations

import asyncio
from typing import Any, Dict


async def run_pipeline(pipeline: Any, data: Any) -> None:
    async for _ in pipeline.run(data):
        pass


async def run_pipeline_as_background_process(pipeline: Any, data: Any) -> Dict[str, str]:
    pipeline_run_id = pipeline.new_run_id()
    asyncio.create_task(run_pipeline(pipeline, data))  # LEAK
    return {"pipeline_run_id": pipeline_run_id, "status": "started"}
