from __future__ import annotations

import fcntl


class AlreadyLocked(Exception):
    pass


class Lock:
    def __init__(self, filename: str, mode: str = "a") -> None:
        self.filename = filename
        self.mode = mode
        self.fh = None

    def acquire(self):
        fh = open(self.filename, self.mode)  # LEAK
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            raise AlreadyLocked(str(error)) from error
        self.fh = fh
        return fh

    def release(self) -> None:
        if self.fh is not None:
            self.fh.close()
            self.fh = None
