from __future__ import annotations

import gevent.queue


class Timeout(Exception):
    pass


class Nack(Exception):
    pass


class RemoteError(Exception):
    pass


class Channel:
    def __init__(self, request, server) -> None:
        self.request = request
        self.server = server


class RequestChannel(Channel):
    def __init__(self, request, server) -> None:
        super().__init__(request, server)
        self.queue = gevent.queue.Queue()

    def recv(self, msg) -> None:
        self.queue.put(msg)

    def get(self, timeout: float = 1):
        try:
            msg = self.queue.get(timeout=timeout)
            if msg.type == "NACK":
                raise Nack(self.request)
            if msg.type == "ERROR":
                raise RemoteError(self.request, msg)
            return msg
        except gevent.queue.Empty:
            raise Timeout(self.request)
        finally:
            self.close()

    def close(self) -> None:
        del self.server.channels[self.request.id]
