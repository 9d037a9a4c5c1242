import os
from typing import Any, Optional

from .locking import Lock
from .store import Store, StoreBackendDoesNotExist

README = "This is an archiver repository.\n"


class Repository:
    class DoesNotExist(Exception):
        pass

    class InvalidRepository(Exception):
        pass

    def __init__(self, path: str, create: bool = False, exclusive: bool = False,
                 lock_wait: float = 1.0, lock: bool = True) -> None:
        self.store = Store("file://%s" % os.path.abspath(path))
        self.do_create = create
        self.created = False
        self.opened = False
        self.version: Optional[int] = None
        self.lock: Optional[Lock] = None
        self.do_lock = lock
        self.lock_wait = lock_wait
        self.exclusive = exclusive

    def __enter__(self) -> "Repository":
        if self.do_create:
            self.do_create = False
            self.create()
            self.created = True
        self.open(exclusive=self.exclusive, lock_wait=self.lock_wait, lock=self.do_lock)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def create(self) -> None:
        self.store.create()
        self.store.open()  # LEAK
        self.store.store("config/readme", README.encode())
        self.version = 3
        self.store.store("config/version", str(self.version).encode())
        self.store.store("config/id", os.urandom(32).hex().encode())
        self.store.close()

    def open(self, *, exclusive: bool, lock_wait: float, lock: bool = True) -> None:
        try:
            self.store.open()  # LEAK
        except StoreBackendDoesNotExist:
            raise self.DoesNotExist(self.store.path) from None
        if lock:
            self.lock = Lock(self.store, exclusive, timeout=lock_wait).acquire()
        else:
            self.lock = None
        if self.store.load("config/readme").decode() != README:
            raise self.InvalidRepository(self.store.path)
        self.version = int(self.store.load("config/version").decode())
        self.id = bytes.fromhex(self.store.load("config/id").decode())
        self.opened = True

    def close(self) -> None:
        if self.opened:
            if self.lock:
                self.lock.release()
                self.lock = None
            self.store.close()
            self.opened = False
