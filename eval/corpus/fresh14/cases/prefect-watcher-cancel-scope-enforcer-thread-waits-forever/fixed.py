import ctypes
import logging
import threading
import time
from typing import Any, Optional

logger = logging.getLogger(__name__)


class CancelledError(BaseException):
    pass


def _raise_in_thread(thread: threading.Thread, exc_type: type) -> None:
    assert thread.ident is not None
    done = ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident), ctypes.py_object(exc_type)
    )
    if done == 0:
        raise ValueError("thread %r not found" % thread)


class CancelScope:
    def __init__(self, timeout: Optional[float] = None, name: Optional[str] = None) -> None:
        self.timeout = timeout
        self.name = name
        self._lock = threading.Lock()
        self._cancelled = False
        self._completed = False
        self._end_time: Optional[float] = None

    def __enter__(self) -> "CancelScope":
        return self

    def __exit__(self, *exc: Any) -> Optional[bool]:
        with self._lock:
            if not self._cancelled:
                self._completed = True
            self._end_time = time.monotonic()
        return None

    def cancel(self) -> bool:
        with self._lock:
            if self._completed or self._cancelled:
                return False
            self._cancelled = True
            return True


class WatcherThreadCancelScope(CancelScope):
    """Cancels the thread that entered it by injecting an exception after `timeout` seconds."""

    def __enter__(self) -> "WatcherThreadCancelScope":
        super().__enter__()
        self._event = threading.Event()
        self._enforcer: Optional[threading.Thread] = None
        self._supervised = threading.current_thread()
        if self.timeout is not None:
            self._enforcer = threading.Thread(
                target=self._enforce_timeout,
                name="timeout-watcher %s" % (self.name or hex(id(self))),
            )
            self._enforcer.start()
        return self

    def __exit__(self, *exc: Any) -> Optional[bool]:
        # the injected exception can arrive on any instruction here: release the
        # enforcer from a finally clause
        try:
            retval = super().__exit__(*exc)
        finally:
            self._event.set()
            if self._enforcer is not None:
                self._enforcer.join()
        return retval

    def _send_cancelled(self) -> None:
        if self._supervised.is_alive():
            try:
                _raise_in_thread(self._supervised, CancelledError)
            except ValueError:
                logger.debug("supervised thread is gone")

    def _enforce_timeout(self) -> None:
        if not self._event.wait(self.timeout):
            if self.cancel():
                self._send_cancelled()
