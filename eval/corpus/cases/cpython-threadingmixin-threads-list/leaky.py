from __future__ import annotations

import threading


class ThreadingServer:
    block_on_close = True

    def __init__(self, handler) -> None:
        self.handler = handler
        self._threads: list = []  # LEAK

    def process_request(self, request, client_address) -> None:
        t = threading.Thread(target=self.handler, args=(request, client_address))
        if self.block_on_close:
            self._threads.append(t)  # LEAK
        t.start()

    def server_close(self) -> None:
        threads, self._threads = self._threads, []
        for thread in threads:
            thread.join()
