import os
import time
import uuid
from typing import Any


class LockTimeout(Exception):
    pass


class Lock:
    def __init__(self, store: Any, exclusive: bool = False, timeout: float = 1.0) -> None:
        self.store = store
        self.exclusive = exclusive
        self.timeout = timeout
        self.key = "locks/%s" % uuid.uuid4().hex

    def _others_exclusive(self) -> bool:
        for name in self.store.list("locks"):
            if name.endswith(".exclusive") and "locks/" + name != self.key:
                return True
        return False

    def acquire(self) -> "Lock":
        deadline = time.monotonic() + self.timeout
        while self._others_exclusive():
            if time.monotonic() > deadline:
                raise LockTimeout("repository is locked by another process")
            time.sleep(0.2)
        if self.exclusive:
            self.key += ".exclusive"
        self.store.store(self.key, str(os.getpid()).encode())
        return self

    def release(self) -> None:
        os.unlink(os.path.join(self.store.path, self.key))

    def refresh(self) -> None:
        self.store.store(self.key, str(os.getpid()).encode())
