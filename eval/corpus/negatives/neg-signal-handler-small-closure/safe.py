from __future__ import annotations

import signal
import threading


def main(run_once) -> None:
    stop = threading.Event()

    def request_stop(signum, frame) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    while not stop.is_set():
        run_once()
