from __future__ import annotations

import logging

from tornado import gen
from tornado.ioloop import IOLoop

from .batched import BatchedSend

logger = logging.getLogger(__name__)


class Scheduler:
    def __init__(self, loop=None) -> None:
        self.loop = loop or IOLoop.current()
        self.comms: dict = {}
        self.who_wants: dict = {}

    @gen.coroutine
    def handle_client(self, comm, client=None):
        bcomm = BatchedSend(interval=2, loop=self.loop)
        bcomm.start(comm)
        self.comms[client] = bcomm
        while True:
            msgs = yield comm.read()
            for msg in msgs:
                if msg.get("op") == "close-stream":
                    return

    @gen.coroutine
    def add_client(self, comm, client=None):
        """Add client to network; listen to all future messages from this comm."""
        logger.info("Receive client connection: %s", client)
        try:
            yield self.handle_client(comm, client=client)
        finally:
            if not comm.closed():
                self.comms[client].send({"op": "stream-closed"})
            yield self.comms[client].close()
            del self.comms[client]
            logger.info("Close client connection: %s", client)
