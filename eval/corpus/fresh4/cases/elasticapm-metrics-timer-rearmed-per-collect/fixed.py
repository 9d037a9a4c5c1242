from __future__ import annotations

import logging
import threading
from timeit import default_timer

logger = logging.getLogger("elasticapm.metrics")


class IntervalTimer(threading.Thread):
    """Run a function every `interval` seconds until cancelled (one thread for all runs)."""

    def __init__(self, function, interval, name=None, daemon=None):
        super().__init__(name=name)
        self.daemon = daemon
        self._function = function
        self._interval = interval
        self._interval_done = threading.Event()

    def run(self):
        execution_time = 0
        while True:
            real_interval = self._interval - execution_time
            if real_interval and self._interval_done.wait(real_interval):
                return  # cancelled
            start = default_timer()
            self._function()
            execution_time = default_timer() - start

    def cancel(self):
        self._interval_done.set()


class MetricsRegistry:
    def __init__(self, collect_interval, queue_func):
        self._collect_interval = collect_interval
        self._queue_func = queue_func
        self._metricsets = {}
        self._collect_timer = None
        if self._collect_interval:
            self._start_collect_timer()

    def register(self, name, metricset):
        self._metricsets.setdefault(name, metricset)

    def collect(self):
        """Collect metrics from all registered metric sets."""
        logger.debug("Collecting metrics")
        for name, metricset in self._metricsets.items():
            data = metricset.collect()
            if data:
                self._queue_func("metricset", data)

    def _start_collect_timer(self, timeout=None):
        timeout = timeout or self._collect_interval
        self._collect_timer = IntervalTimer(self.collect, timeout, name="eapm metrics collect timer", daemon=True)
        self._collect_timer.start()

    def _stop_collect_timer(self):
        if self._collect_timer:
            self._collect_timer.cancel()
