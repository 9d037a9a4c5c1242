from __future__ import annotations

import threading
from contextlib import closing

import requests


class Worker(threading.Thread):
    def __init__(self, url: str, on_data) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.on_data = on_data
        self._stop_event = threading.Event()

    def stop(self) -> None:
        self._stop_event.set()

    def run(self) -> None:
        with closing(requests.get(self.url, stream=True)) as r:
            for line in r.iter_lines():
                if self._stop_event.is_set():
                    break
                if line:
                    self.on_data(line)
