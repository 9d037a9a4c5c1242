from __future__ import annotations

import asyncio
from collections import OrderedDict
from weakref import WeakValueDictionary


class LockedRunStore:
    def __init__(self, backend, max_locks: int = 1000) -> None:
        self._backend = backend
        # unused locks are collected; only the most recent run locks are held strongly
        self._file_locks: WeakValueDictionary = WeakValueDictionary()
        self._lru_tracking: OrderedDict = OrderedDict()
        self._max_locks = max_locks

    def _get_lock(self, lock_key: str) -> asyncio.Lock:
        lock = self._file_locks.get(lock_key)
        if lock is not None:
            if lock_key in self._lru_tracking:
                self._lru_tracking.move_to_end(lock_key)
            return lock
        lock = asyncio.Lock()
        self._file_locks[lock_key] = lock
        if lock_key.startswith("run:"):
            if len(self._lru_tracking) >= self._max_locks:
                self._lru_tracking.popitem(last=False)
            self._lru_tracking[lock_key] = lock
        return lock

    async def save_run(self, run) -> None:
        async with self._get_lock(f"run:{run.id}"):
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, self._backend.save_run, run)

    async def load_run(self, run_id: str):
        async with self._get_lock(f"run:{run_id}"):
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, self._backend.load_run, run_id)

    async def runs_by_goal(self, goal_id: str) -> list:
        async with self._get_lock(f"index:by_goal:{goal_id}"):
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, self._backend.runs_by_goal, goal_id)
