from __future__ import annotations

from typing import Dict, Optional

from aiohttp import web

APP_CONFIG_KEY = "servicelib.config"


def create_safe_application(config: Optional[Dict] = None) -> web.Application:
    app = web.Application()
    app[APP_CONFIG_KEY] = config or {}
    return app
