from __future__ import annotations

import atexit
import weakref


def _close_if_alive(ref: "weakref.WeakMethod") -> None:
    method = ref()
    if method is not None:
        method()


class SshConnection:
    def __init__(self, host: str, client_factory) -> None:
        self.host = host
        self.client = client_factory(host)
        self._atexit_hook = atexit.register(_close_if_alive, weakref.WeakMethod(self.close))

    def execute(self, command: str) -> str:
        return self.client.run(command)

    def close(self) -> None:
        atexit.unregister(self._atexit_hook)
        self.client.close()
