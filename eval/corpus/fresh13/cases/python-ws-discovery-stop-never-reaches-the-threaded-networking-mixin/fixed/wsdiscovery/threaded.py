import logging
import socket
import threading
from typing import Optional

logger = logging.getLogger("ws-discovery")
ADDRESS_CHECK_INTERVAL = 5.0


class _StoppableDaemonThread(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self._quit = threading.Event()

    def schedule_stop(self) -> None:
        self._quit.set()


class AddressMonitorThread(_StoppableDaemonThread):
    def __init__(self, owner: "ThreadedNetworking") -> None:
        super().__init__()
        self._owner = owner

    def run(self) -> None:
        while not self._quit.wait(ADDRESS_CHECK_INTERVAL):
            self._owner.refresh_addresses()


class NetworkingThread(_StoppableDaemonThread):
    def __init__(self, owner: "ThreadedNetworking") -> None:
        super().__init__()
        self._owner = owner
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    def run(self) -> None:
        self._sock.settimeout(0.1)
        while not self._quit.is_set():
            try:
                data, addr = self._sock.recvfrom(65535)
            except socket.timeout:
                continue
            self._owner.handle_message(data, addr)
        self._sock.close()


class ThreadedNetworking:
    def __init__(self, **kwargs) -> None:
        self._networking_thread: Optional[NetworkingThread] = None
        self._monitor_thread: Optional[AddressMonitorThread] = None
        self._server_started = False
        super().__init__(**kwargs)

    def _start_threads(self) -> None:
        if self._networking_thread is not None:
            return
        self._networking_thread = NetworkingThread(self)
        self._networking_thread.start()
        self._monitor_thread = AddressMonitorThread(self)
        self._monitor_thread.start()

    def _stop_threads(self) -> None:
        if self._networking_thread is None:
            return
        self._networking_thread.schedule_stop()
        self._monitor_thread.schedule_stop()
        self._networking_thread.join()
        self._monitor_thread.join()
        self._networking_thread = None
        self._monitor_thread = None

    def start(self) -> None:
        self._start_threads()
        self._server_started = True

    def stop(self) -> None:
        self._stop_threads()
        self._server_started = False

    def refresh_addresses(self) -> None:
        logger.debug("checking network addresses")

    def handle_message(self, data: bytes, addr: tuple) -> None:
        logger.debug("message from %s: %d bytes", addr, len(data))
