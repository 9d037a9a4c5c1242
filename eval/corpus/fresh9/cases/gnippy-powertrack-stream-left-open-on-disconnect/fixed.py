from __future__ import annotations

import threading
from contextlib import closing

import requests


class PowerTrackClient:
    """Connects to the GNIP PowerTrack stream and hands each line to a callback."""

    def __init__(self, callback, url: str, auth) -> None:
        self.callback = callback
        self.url = url
        self.auth = auth

    def connect(self) -> None:
        self.worker = Worker(self.url, self.auth, self.callback)
        self.worker.daemon = True
        self.worker.start()

    def disconnect(self) -> None:
        self.worker.stop()
        self.worker.join()


class Worker(threading.Thread):
    """Background worker to fetch data without blocking."""

    def __init__(self, url: str, auth, callback) -> None:
        super().__init__()
        self.url = url
        self.auth = auth
        self.on_data = callback
        self._stop_event = threading.Event()

    def stop(self) -> None:
        self._stop_event.set()

    def stopped(self) -> bool:
        return self._stop_event.is_set()

    def run(self) -> None:
        with closing(requests.get(self.url, auth=self.auth, stream=True)) as r:
            for line in r.iter_lines():
                if self.stopped():
                    break
                elif line:
                    self.on_data(line)
