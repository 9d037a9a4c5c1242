from __future__ import annotations

import threading
import time
from typing import Callable


class DocServer:
    def __init__(self, host: str, port: int, ready: Callable[["DocServer"], None]) -> None:
        self.host = host
        self.port = port
        self.ready = ready
        self.quit = False
        self.callback: Callable[[], None] | None = None

    def serve_until_quit(self) -> None:
        self.ready(self)
        while not self.quit:
            time.sleep(0.05)
            if self.callback is not None:
                self.callback()


class ServerThread(threading.Thread):
    def __init__(self, host: str, port: int) -> None:
        super().__init__()
        self.host = host
        self.port = port
        self.serving = False
        self.docserver: DocServer | None = None

    def run(self) -> None:
        docsvr = DocServer(self.host, self.port, self.ready)
        self.docserver = docsvr  # LEAK
        docsvr.callback = self.callback  # LEAK
        docsvr.serve_until_quit()

    def ready(self, server: DocServer) -> None:
        self.serving = True

    def callback(self) -> None:
        pass

    def stop(self) -> None:
        self.docserver.quit = True
        self.serving = False


def start_server(host: str = "localhost", port: int = 0) -> ServerThread:
    thread = ServerThread(host, port)  # LEAK
    thread.start()  # LEAK
    while not thread.serving:
        time.sleep(0.01)
    return thread
