import os
import threading
import weakref
from typing import Any, Callable, Dict, Optional


class PeriodicExportingMetricReader:
    """Collects from its provider every interval and hands the points to an exporter."""

    def __init__(self, exporter: Any, export_interval_millis: float = 60000.0) -> None:
        self._exporter = exporter
        self._export_interval = export_interval_millis / 1000.0
        self._collect: Optional[Callable[[Any], Dict[str, float]]] = None
        self._shutdown_event = threading.Event()
        self._daemon_thread = threading.Thread(name="metrics-export", target=self._ticker, daemon=True)
        self._daemon_thread.start()
        if hasattr(os, "register_at_fork"):
            weak_at_fork = weakref.WeakMethod(self._at_fork_reinit)
            os.register_at_fork(after_in_child=lambda: weak_at_fork()())

    def _set_collect_callback(self, callback: Callable[[Any], Dict[str, float]]) -> None:
        self._collect = callback

    def _at_fork_reinit(self) -> None:
        self._shutdown_event = threading.Event()
        self._daemon_thread = threading.Thread(name="metrics-export", target=self._ticker, daemon=True)
        self._daemon_thread.start()

    def _ticker(self) -> None:
        while not self._shutdown_event.wait(self._export_interval):
            self.collect()

    def collect(self) -> None:
        if self._collect is not None:
            self._exporter.export(self._collect(self))

    def shutdown(self) -> None:
        self._shutdown_event.set()
        if self._daemon_thread is not threading.current_thread():
            self._daemon_thread.join()
        self._exporter.shutdown()
