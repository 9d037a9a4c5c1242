from __future__ import annotations

import logging
import threading

logger = logging.getLogger("elasticapm.metrics")


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

    def collect(self, start_timer=True):
        """Collect metrics from all registered metric sets; restart the timer first if asked."""
        if start_timer:
            self._start_collect_timer()
        logger.debug("Collecting metrics")
        for name, metricset in self._metricsets.items():
            data = metricset.collect()
            if data:
                self._queue_func("metricset", data)

    def _start_collect_timer(self, timeout=None):
        timeout = timeout or self._collect_interval
        self._collect_timer = threading.Timer(timeout, self.collect, kwargs={"start_timer": True})  # LEAK
        self._collect_timer.name = "elasticapm metrics collect timer"
        self._collect_timer.daemon = True
        self._collect_timer.start()

    def _stop_collect_timer(self):
        if self._collect_timer:
            self._collect_timer.cancel()
