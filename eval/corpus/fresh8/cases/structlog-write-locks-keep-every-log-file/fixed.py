from __future__ import annotations

import sys
import threading
import weakref
from typing import IO, Any, BinaryIO, TextIO

WRITE_LOCKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _get_lock_for_file(file: IO[Any]) -> threading.Lock:
    lock = WRITE_LOCKS.get(file)
    if lock is None:
        lock = threading.Lock()
        WRITE_LOCKS[file] = lock
    return lock


class PrintLogger:
    def __init__(self, file: TextIO | None = None) -> None:
        self._file = file or sys.stdout
        self._lock = _get_lock_for_file(self._file)

    def msg(self, message: str) -> None:
        with self._lock:
            print(message, file=self._file, flush=True)


class BytesLogger:
    def __init__(self, file: BinaryIO | None = None) -> None:
        self._file = file or sys.stdout.buffer
        self._write = self._file.write
        self._flush = self._file.flush
        self._lock = _get_lock_for_file(self._file)

    def msg(self, message: bytes) -> None:
        with self._lock:
            self._write(message + b"\n")
            self._flush()
