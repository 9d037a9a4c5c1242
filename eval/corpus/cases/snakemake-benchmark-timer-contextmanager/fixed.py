from __future__ import annotations

import contextlib
import threading


def _sample(pid: int, samples: list) -> None:
    samples.append(pid)


@contextlib.contextmanager
def benchmarked(pid: int, interval: float = 30.0):
    samples: list = []
    monitor = threading.Timer(interval, _sample, (pid, samples))
    monitor.start()
    try:
        yield samples
    finally:
        monitor.cancel()
