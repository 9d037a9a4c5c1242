import asyncio
import contextlib
import contextvars
import threading
from typing import Any, Dict, Union


class _CVar:
    def __init__(self) -> None:
        self._data: Dict[str, contextvars.ContextVar] = {}

    def __getattr__(self, key: str) -> Any:
        try:
            return self._data[key].get()
        except (KeyError, LookupError):
            raise AttributeError(f"{self!r} object has no attribute {key!r}")

    def __setattr__(self, key: str, value: Any) -> None:
        if key == "_data":
            return super().__setattr__(key, value)
        var = self._data.get(key)
        if var is None:
            self._data[key] = var = contextvars.ContextVar(key)
        var.set(value)


class Local:
    def __init__(self, thread_critical: bool = False) -> None:
        self._thread_critical = thread_critical
        self._thread_lock = threading.RLock()
        self._storage: Union[threading.local, _CVar]
        if thread_critical:
            self._storage = threading.local()
        else:
            self._storage = _CVar()

    @contextlib.contextmanager
    def _lock_storage(self):
        if self._thread_critical:
            try:
                # raises RuntimeError in a sync thread (no running loop)
                asyncio.get_running_loop()
            except RuntimeError:
                yield self._storage  # LEAK
            else:
                if not hasattr(self._storage, "cvar"):
                    self._storage.cvar = _CVar()
                yield self._storage.cvar
        else:
            with self._thread_lock:
                yield self._storage

    def __getattr__(self, key: str) -> Any:
        with self._lock_storage() as storage:
            return getattr(storage, key)

    def __setattr__(self, key: str, value: Any) -> None:
        if key in ("_local", "_storage", "_thread_critical", "_thread_lock"):
            return super().__setattr__(key, value)
        with self._lock_storage() as storage:
            setattr(storage, key, value)

    def __delattr__(self, key: str) -> None:
        with self._lock_storage() as storage:
            delattr(storage, key)
