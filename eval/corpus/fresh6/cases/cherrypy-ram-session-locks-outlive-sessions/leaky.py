from __future__ import annotations

import datetime
import threading


class Session:
    def __init__(self, id: str, timeout: int = 60) -> None:
        self.id = id
        self.timeout = timeout
        self.locked = False
        self._data: dict = {}

    def save(self) -> None:
        expiration_time = datetime.datetime.now() + datetime.timedelta(minutes=self.timeout)
        self._save(expiration_time)


class RamSession(Session):
    # class-level objects, shared by every request; don't rebind these
    cache: dict = {}
    locks: dict = {}  # LEAK

    def clean_up(self) -> None:
        """Clean up expired sessions."""
        now = datetime.datetime.now()
        for id, (data, expiration_time) in list(self.cache.items()):
            if expiration_time <= now:
                self.cache.pop(id, None)
                self.locks.pop(id, None)

    def _exists(self) -> bool:
        return self.id in self.cache

    def _load(self):
        return self.cache.get(self.id)

    def _save(self, expiration_time) -> None:
        self.cache[self.id] = (self._data, expiration_time)

    def _delete(self) -> None:
        self.cache.pop(self.id, None)

    def acquire_lock(self) -> None:
        """Acquire an exclusive lock on the currently-loaded session data."""
        self.locked = True
        self.locks.setdefault(self.id, threading.RLock()).acquire()  # LEAK

    def release_lock(self) -> None:
        """Release the lock on the currently-loaded session data."""
        self.locks[self.id].release()
        self.locked = False
