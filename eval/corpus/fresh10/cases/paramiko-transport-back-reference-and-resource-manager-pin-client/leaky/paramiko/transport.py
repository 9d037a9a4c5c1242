from __future__ import annotations

import threading
from typing import Dict


class Transport(threading.Thread):
    def __init__(self, sock) -> None:
        threading.Thread.__init__(self)
        self.daemon = True
        self.active = False
        self.sock = sock
        self.banner_timeout = 15.0
        self._channels: Dict[int, object] = {}
        self._server_key = b""
        self._sshclient = None

    def start_client(self) -> None:
        self.active = True
        self.start()

    def get_remote_server_key(self) -> bytes:
        return self._server_key

    def set_sshclient(self, sshclient) -> None:
        self._sshclient = sshclient  # LEAK

    def close(self) -> None:
        if not self.active:
            return
        self.stop_thread()
        for chan in list(self._channels.values()):
            chan._unlink()
        self.sock.close()
        self._sshclient = None

    def stop_thread(self) -> None:
        self.active = False

    def run(self) -> None:
        try:
            self.sock.settimeout(self.banner_timeout)
            self._server_key = self.sock.recv(4096)
            while self.active:
                if not self.sock.recv(4096):
                    break
        except (OSError, EOFError):
            pass
        # the thread ends on an error without going through close()
        for chan in list(self._channels.values()):
            chan._unlink()
        self.active = False
        self.sock.close()
