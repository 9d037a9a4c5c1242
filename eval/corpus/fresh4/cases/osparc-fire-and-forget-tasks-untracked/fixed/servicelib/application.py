from __future__ import annotations

import asyncio
import logging
from typing import Dict, Optional

from aiohttp import web

logger = logging.getLogger(__name__)

APP_CONFIG_KEY = "servicelib.config"
APP_FIRE_AND_FORGET_TASKS_KEY = "servicelib.tasks"


async def stop_background_tasks(app: web.Application):
    running_tasks = app[APP_FIRE_AND_FORGET_TASKS_KEY]
    for task in running_tasks:
        task.cancel()
    try:
        results = await asyncio.wait_for(asyncio.gather(*running_tasks, return_exceptions=True), timeout=5)
        bad_results = [r for r in results if isinstance(r, Exception)]
        if bad_results:
            logger.error("Following tasks completed with an unexpected error:%s", bad_results)
    except asyncio.TimeoutError:
        logger.error("Timed-out waiting for %s to complete", running_tasks)


def create_safe_application(config: Optional[Dict] = None) -> web.Application:
    app = web.Application()
    app[APP_CONFIG_KEY] = config or {}
    app[APP_FIRE_AND_FORGET_TASKS_KEY] = set()
    app.on_cleanup.append(stop_background_tasks)
    return app
