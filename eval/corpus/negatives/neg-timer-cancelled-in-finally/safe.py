from __future__ import annotations

import threading


def with_watchdog(work, timeout: float, on_timeout):
    timer = threading.Timer(timeout, on_timeout)
    timer.start()
    try:
        return work()
    finally:
        timer.cancel()
        timer.join()
