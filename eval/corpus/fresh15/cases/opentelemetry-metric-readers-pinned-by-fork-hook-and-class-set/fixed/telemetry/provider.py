import weakref
from atexit import register, unregister
from threading import Lock
from typing import Any, Callable, Dict, Optional, Sequence, Set


class MeasurementConsumer:
    def __init__(self, readers: Sequence[Any]) -> None:
        self._readers = list(readers)
        self._points: Dict[str, float] = {}

    def record(self, name: str, value: float) -> None:
        self._points[name] = self._points.get(name, 0.0) + value

    def collect(self, reader: Any) -> Dict[str, float]:
        return dict(self._points)


class MeterProvider:
    _all_metric_readers_lock = Lock()
    _all_metric_readers: "weakref.WeakSet[Any]" = weakref.WeakSet()

    def __init__(self, metric_readers: Sequence[Any] = (), shutdown_on_exit: bool = True) -> None:
        self._metric_readers = list(metric_readers)
        self._measurement_consumer = MeasurementConsumer(self._metric_readers)
        self._atexit_handler: Optional[Callable[[], None]] = None
        self._shutdown = False
        if shutdown_on_exit:
            self._atexit_handler = register(self.shutdown)
        for metric_reader in self._metric_readers:
            with self._all_metric_readers_lock:
                if metric_reader in self._all_metric_readers:
                    raise RuntimeError("metric reader %r is already registered with another provider" % metric_reader)
                self._all_metric_readers.add(metric_reader)
            metric_reader._set_collect_callback(self._measurement_consumer.collect)

    def shutdown(self) -> None:
        if self._shutdown:
            return
        self._shutdown = True
        for metric_reader in self._metric_readers:
            metric_reader.shutdown()
        if self._atexit_handler is not None:
            unregister(self._atexit_handler)
            self._atexit_handler = None
