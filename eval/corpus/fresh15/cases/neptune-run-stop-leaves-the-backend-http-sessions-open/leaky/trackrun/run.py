import threading
import time
from typing import Any, List, Optional

from .backend import HostedBackend


class OperationProcessor:
    def __init__(self, backend: HostedBackend, run_id: str) -> None:
        self._backend = backend
        self._run_id = run_id
        self._pending: List[Any] = []

    def enqueue(self, op: Any) -> None:
        self._pending.append(op)

    def stop(self, seconds: Optional[float] = None) -> None:
        if self._pending:
            self._backend.execute_operations(self._run_id, self._pending)
            self._pending = []


class Run:
    def __init__(self, run_id: str, backend: HostedBackend) -> None:
        self._id = run_id
        self._backend = backend
        self._op_processor = OperationProcessor(backend, run_id)
        self._lock = threading.RLock()
        self._state = "STARTED"

    def log(self, name: str, value: Any) -> None:
        self._op_processor.enqueue({"path": name, "value": value})

    def stop(self, seconds: Optional[float] = None) -> None:
        if self._state == "STOPPED":
            return
        ts = time.time()
        with self._lock:
            sec_left = None if seconds is None else seconds - (time.time() - ts)
            self._op_processor.stop(sec_left)
        self._state = "STOPPED"


def init_run(api_url: str, api_token: str, run_id: str) -> Run:
    return Run(run_id, HostedBackend(api_url, api_token))
