from __future__ import annotations

import logging
from collections import deque

from tornado import gen, locks
from tornado.ioloop import IOLoop

logger = logging.getLogger(__name__)


class CommClosedError(IOError):
    pass


class BatchedSend:
    """Batch messages on a comm, sending no more than one batch every interval."""

    def __init__(self, interval: float, loop=None) -> None:
        self.loop = loop or IOLoop.current()
        self.interval = interval / 1000.0
        self.waker = locks.Event()
        self.stopped = locks.Event()
        self.please_stop = False
        self.buffer: list = []
        self.comm = None
        self.next_deadline = None
        self.recent_message_log: deque = deque(maxlen=100)

    def start(self, comm) -> None:
        self.comm = comm
        self.loop.add_callback(self._background_send)

    @gen.coroutine
    def _background_send(self):
        while not self.please_stop:
            try:
                yield self.waker.wait(self.next_deadline)
            except gen.TimeoutError:
                pass
            self.waker.clear()
            if not self.buffer:
                self.next_deadline = None
                continue
            payload, self.buffer = self.buffer, []
            self.next_deadline = self.loop.time() + self.interval
            try:
                self.recent_message_log.append(payload)
                yield self.comm.write(payload)
            except CommClosedError as e:
                logger.info("Batched Comm Closed: %s", e)
                break
        self.stopped.set()

    def send(self, msg) -> None:
        if self.comm is not None and self.comm.closed():
            raise CommClosedError
        self.buffer.append(msg)
        if self.next_deadline is None:
            self.waker.set()

    @gen.coroutine
    def close(self):
        """Flush existing messages and then close the comm."""
        if self.comm is None:
            return
        self.please_stop = True
        self.waker.set()
        yield self.stopped.wait()
        if not self.comm.closed():
            if self.buffer:
                self.buffer, payload = [], self.buffer
                yield self.comm.write(payload)
            yield self.comm.close()
