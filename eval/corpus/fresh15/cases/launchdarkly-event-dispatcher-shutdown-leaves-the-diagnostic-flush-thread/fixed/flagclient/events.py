import json
import logging
import queue
from typing import Any, Dict, List, Optional

import urllib3

from .pool import FixedThreadPool

log = logging.getLogger("flagclient")

MAX_FLUSH_THREADS = 5


class DiagnosticAccumulator:
    def __init__(self) -> None:
        self.dropped = 0

    def create_event_and_reset(self) -> Dict[str, Any]:
        event = {"kind": "diagnostic", "droppedEvents": self.dropped}
        self.dropped = 0
        return event


class EventDispatcher:
    def __init__(self, inbox: "queue.Queue[Any]", events_uri: str, http: Optional[urllib3.PoolManager] = None,
                 diagnostic_accumulator: Optional[DiagnosticAccumulator] = None) -> None:
        self._inbox = inbox
        self._events_uri = events_uri
        self._close_http = http is None
        self._http = http or urllib3.PoolManager(num_pools=1)
        self._buffer: List[Dict[str, Any]] = []
        self._diagnostic_accumulator = diagnostic_accumulator
        self._flush_workers = FixedThreadPool(MAX_FLUSH_THREADS, "flagclient.flush")
        self._diagnostic_flush_workers = (
            None if diagnostic_accumulator is None else FixedThreadPool(1, "flagclient.diag_flush")
        )

    def _post(self, payload: Any) -> None:
        body = json.dumps(payload, separators=(",", ":"))
        self._http.request("POST", self._events_uri, body=body, headers={"Content-Type": "application/json"})

    def run_once(self) -> bool:
        message = self._inbox.get(block=True)
        kind, value = message
        if kind == "event":
            self._buffer.append(value)
        elif kind == "flush":
            self._trigger_flush()
        elif kind == "diagnostic":
            self._send_diagnostic()
        elif kind == "stop":
            self._do_shutdown()
            return False
        return True

    def _trigger_flush(self) -> None:
        events, self._buffer = self._buffer, []
        if events and not self._flush_workers.execute(lambda: self._post(events)):
            self._buffer = events + self._buffer

    def _send_diagnostic(self) -> None:
        if self._diagnostic_accumulator is None or self._diagnostic_flush_workers is None:
            return
        event = self._diagnostic_accumulator.create_event_and_reset()
        self._diagnostic_flush_workers.execute(lambda: self._post(event))

    def _do_shutdown(self) -> None:
        self._flush_workers.stop()
        self._flush_workers.wait()

        if self._diagnostic_flush_workers:
            self._diagnostic_flush_workers.stop()
            self._diagnostic_flush_workers.wait()

        if self._close_http:
            self._http.clear()
