from __future__ import annotations

import os
import signal
import threading


def run_with_timeout(func, timeout: float, *args):
    timer = threading.Timer(timeout, os.kill, (os.getpid(), signal.SIGALRM))
    timer.start()
    try:
        return func(*args)
    finally:
        timer.cancel()
