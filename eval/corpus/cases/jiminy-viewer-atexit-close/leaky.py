from __future__ import annotations

import atexit


class MeshcatWrapper:
    def __init__(self, server_factory) -> None:
        self.server = server_factory()
        self.scenes: dict = {}
        atexit.register(self.close)  # LEAK

    def close(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server = None
