from __future__ import annotations

import atexit


class SshConnection:
    def __init__(self, host: str, client_factory) -> None:
        self.host = host
        self.client = client_factory(host)
        atexit.register(self.close)  # LEAK

    def execute(self, command: str) -> str:
        return self.client.run(command)

    def close(self) -> None:
        self.client.close()
