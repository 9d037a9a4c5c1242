from __future__ import annotations

import atexit


class MeshcatWrapper:
    def __init__(self, server_factory) -> None:
        self.server = server_factory()
        self.scenes: dict = {}
        atexit.register(self.close)

    def close(self) -> None:
        atexit.unregister(self.close)
        if self.server is not None:
            self.server.shutdown()
            self.server = None
