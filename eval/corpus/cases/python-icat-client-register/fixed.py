from __future__ import annotations

import atexit
import weakref


class Client:
    Register: "weakref.WeakValueDictionary[int, Client]" = weakref.WeakValueDictionary()

    def __init__(self, url: str) -> None:
        self.url = url
        self.session_id = None
        Client.Register[id(self)] = self

    def cleanup(self) -> None:
        self.session_id = None
        Client.Register.pop(id(self), None)

    @classmethod
    def cleanup_all(cls) -> None:
        for client in list(cls.Register.values()):
            client.cleanup()


atexit.register(Client.cleanup_all)
