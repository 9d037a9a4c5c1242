from __future__ import annotations

import logging
import threading
from collections import deque
from threading import RLock


class ConnectionPool:
    S_OK = 0
    S_BAD = 1

    def __init__(self) -> None:
        self._addresses = list()
        self._addresses_status = dict()
        self._connections = dict()
        self._configs = None
        self._lock = RLock()
        self._check_delay = 5 * 60  # seconds
        self._close = False

    def __del__(self) -> None:
        self.close()

    def init(self, addresses, configs) -> bool:
        if self._close:
            raise RuntimeError("The pool has init or closed.")
        self._configs = configs
        for address in addresses:
            if address not in self._addresses:
                self._addresses.append(address)
                self._addresses_status[address] = self.S_BAD
                self._connections[address] = deque()
        # detect the services
        self._period_detect()
        return True

    def close(self) -> None:
        with self._lock:
            for addr in self._connections.keys():
                for connection in self._connections[addr]:
                    if connection.is_used:
                        logging.error("The connection using by someone, but now want to close it")
                    connection.close()
            self._close = True

    def ping(self, address) -> bool:
        return True

    def update_servers_status(self) -> None:
        for address in self._addresses:
            self._addresses_status[address] = self.S_OK if self.ping(address) else self.S_BAD

    def _remove_idle_unusable_connection(self) -> None:
        with self._lock:
            for addr in self._connections.keys():
                conns = self._connections[addr]
                for connection in list(conns):
                    if not connection.is_used and not connection.ping():
                        conns.remove(connection)

    def _period_detect(self) -> None:
        if self._close:
            return
        self.update_servers_status()
        self._remove_idle_unusable_connection()
        timer = threading.Timer(self._check_delay, self._period_detect)
        timer.setDaemon(True)
        timer.start()
