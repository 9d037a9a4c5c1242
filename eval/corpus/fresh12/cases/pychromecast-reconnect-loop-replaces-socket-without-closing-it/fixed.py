import logging
import socket
import threading
import time


def new_socket() -> socket.socket:
    return socket.socket(socket.AF_INET, socket.SOCK_STREAM)


class SocketClient(threading.Thread):
    def __init__(self, host: str, port: int, services, resolve, timeout: float = 30.0, retry_wait: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.host = host
        self.port = port
        self.services = services
        self.resolve = resolve
        self.timeout = timeout
        self.retry_wait = retry_wait
        self.socket = None
        self.stop = threading.Event()
        self.logger = logging.getLogger(__name__)

    def initialize_connection(self, tries=None) -> None:
        if self.socket is not None:
            self.socket.close()
            self.socket = None
        retries = {}
        while not self.stop.is_set() and (tries is None or tries > 0):
            for service in self.services.copy():
                now = time.time()
                retry = retries.get(service, {"delay": self.retry_wait, "next_retry": now})
                if now < retry["next_retry"]:
                    continue
                try:
                    if self.socket is not None:
                        self.socket.close()
                        self.socket = None
                    self.socket = new_socket()
                    self.socket.settimeout(self.timeout)
                    host, port = self.resolve(service)
                    if not (host and port):
                        retry["next_retry"] = now + retry["delay"]
                        retry["delay"] = min(retry["delay"] * 2, 300)
                        retries[service] = retry
                        continue
                    self.socket.connect((host, port))
                    self.host, self.port = host, port
                    return
                except OSError:
                    self.logger.error("Failed to connect to service %s, retrying", service)
                    retries[service] = retry
            if tries:
                tries -= 1
            self.stop.wait(self.retry_wait)
