import errno
import os
import time


class AlreadyLocked(Exception):
    def __init__(self, ttl: float) -> None:
        super().__init__(ttl)
        self.ttl = ttl


class FileLockBackend:
    def __init__(self, location: str) -> None:
        self.location = location
        os.makedirs(location, exist_ok=True)

    def acquire(self, key: str, timeout: float) -> None:
        path = os.path.join(self.location, key)
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL)
        except OSError as error:
            if error.errno != errno.EEXIST:
                raise
            ttl = os.path.getmtime(path) + timeout - time.time()
            if ttl > 0:
                raise AlreadyLocked(ttl)
            os.utime(path, None)
        else:
            os.close(fd)

    def release(self, key: str) -> None:
        os.remove(os.path.join(self.location, key))
