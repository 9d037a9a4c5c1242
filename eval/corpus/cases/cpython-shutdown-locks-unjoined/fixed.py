from __future__ import annotations

import threading

_shutdown_locks_lock = threading.Lock()
_shutdown_locks: set = set()


def _purge_finished_locks() -> None:
    done = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(done)


class Worker:
    def __init__(self, target) -> None:
        self.target = target
        self._tstate_lock = threading.Lock()

    def start(self) -> None:
        self._tstate_lock.acquire()
        with _shutdown_locks_lock:
            _purge_finished_locks()
            _shutdown_locks.add(self._tstate_lock)
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        try:
            self.target()
        finally:
            self._tstate_lock.release()

    def join(self) -> None:
        with self._tstate_lock:
            pass
        with _shutdown_locks_lock:
            _shutdown_locks.discard(self._tstate_lock)
