from __future__ import annotations

import os
import signal
import threading


def run_with_timeout(func, timeout: float, *args):
    timer = threading.Timer(timeout, os.kill, (os.getpid(), signal.SIGALRM))  # LEAK
    timer.start()  # LEAK
    result = func(*args)
    timer.cancel()
    return result
