import socket
import threading
import weakref
from typing import Any


class SocketThread:
    def __init__(self, sock: socket.socket, target_obj: Any) -> None:
        self.socket = sock
        if sock.gettimeout() is None:
            sock.settimeout(0.1)
        self.target_obj = weakref.ref(target_obj)
        self.poison_ev = threading.Event()
        self.thread = threading.Thread(target=self, daemon=True)
        self.thread.start()

    def __call__(self) -> None:
        while True:
            try:
                bytes_recv, address = self.socket.recvfrom(4096)
            except socket.timeout:
                if self.poison_ev.is_set():
                    bytes_recv, address = b"", None
                else:
                    continue
            except OSError:
                bytes_recv, address = b"", None
            target = self.target_obj()
            if target is None:
                break
            if not bytes_recv:
                target.disconnect()
                return
            target.next_command(bytes_recv, address)
