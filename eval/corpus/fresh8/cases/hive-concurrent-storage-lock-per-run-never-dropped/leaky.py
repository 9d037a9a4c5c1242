from __future__ import annotations

import asyncio
from collections import defaultdict


class LockedRunStore:
    def __init__(self, backend) -> None:
        self._backend = backend
        self._file_locks: dict = defaultdict(asyncio.Lock)  # LEAK

    async def save_run(self, run) -> None:
        async with self._file_locks[f"run:{run.id}"]:  # LEAK
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, self._backend.save_run, run)

    async def load_run(self, run_id: str):
        async with self._file_locks[f"run:{run_id}"]:  # LEAK
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, self._backend.load_run, run_id)

    async def runs_by_goal(self, goal_id: str) -> list:
        async with self._file_locks[f"index:by_goal:{goal_id}"]:  # LEAK
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, self._backend.runs_by_goal, goal_id)
