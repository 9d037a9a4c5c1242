from __future__ import annotations

import logging
import threading
import time
from typing import Any


class ReconnectionHandler:
    def __init__(self, intervals: list[float]) -> None:
        self.intervals = intervals
        self.attempt = 0
        self.reconnecting = False

    def next(self) -> float:
        value = self.intervals[min(self.attempt, len(self.intervals) - 1)]
        self.attempt += 1
        return value


class WebsocketTransport:
    def __init__(self, url: str, reconnection_handler: ReconnectionHandler) -> None:
        self.url = url
        self.reconnection_handler = reconnection_handler
        self.logger = logging.getLogger("SignalRCoreClient")
        self._ws: Any = None

    def start(self) -> None:
        raise ConnectionError(f"cannot reach {self.url}")

    def stop(self) -> None:
        self._ws = None

    def handle_reconnect(self) -> None:
        self.reconnection_handler.reconnecting = True
        try:
            self.stop()
            self.start()
        except Exception as ex:
            self.logger.error(ex)
            sleep_time = self.reconnection_handler.next()
            threading.Thread(target=self.deferred_reconnect, args=(sleep_time,)).start()  # LEAK

    def deferred_reconnect(self, sleep_time: float) -> None:
        time.sleep(sleep_time)
        try:
            if not self.reconnection_handler.reconnecting:
                return
            self.start()
        except Exception as ex:
            self.logger.error(ex)
            self.handle_reconnect()

    def on_close(self) -> None:
        self.handle_reconnect()
