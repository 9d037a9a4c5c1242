from __future__ import annotations

from typing import Any, Dict, Tuple

from twisted.internet import reactor


class SyncDatabase:
    """The client's local database that also keeps the syncers of a user's replicas."""

    def __init__(self, options: Any, crypto: Any, replica_uid: str) -> None:
        self._options = options
        self._crypto = crypto
        self._replica_uid = replica_uid
        self._syncers: Dict[str, Tuple[str, Any]] = {}
        self.received_docs: list = []
        self.running = False
        self.shutdown_id = None
        self._handle = options.open_database()
        self._reactor = reactor
        self._reactor.callWhenRunning(self._start)

    def _start(self) -> None:
        if not self.running:
            self.shutdown_id = self._reactor.addSystemEventTrigger(  # LEAK
                "during", "shutdown", self.final_close)
            self.running = True

    def final_close(self) -> None:
        """Only called by the shutdown trigger."""
        self.shutdown_id = None
        self.running = False

    def close(self) -> None:
        self._handle.close()
        for url in list(self._syncers):
            _, syncer = self._syncers.pop(url)
            syncer.close()
