from __future__ import annotations

import logging

from ..spawner import Spawner


class UserSpawnHandler:
    """Handles /user/NAME when the user's server is not running."""

    def __init__(self, spawner: Spawner, request) -> None:
        self.spawner = spawner
        self.request = request
        self.log = logging.getLogger("JupyterHub")

    async def get(self, user_name: str) -> str:
        spawner = self.spawner
        if not spawner.active and spawner._spawn_future and spawner._spawn_future.done() \
                and spawner._spawn_future.exception():
            # implicit spawn is not allowed if the user's last spawn failed
            self.log.error("Preventing implicit spawn for %s because last spawn failed: %s",
                           spawner._log_name, spawner._spawn_future.exception())
            raise spawner._spawn_future.exception()  # LEAK
        await spawner.spawn()
        return "/user/%s/" % user_name
