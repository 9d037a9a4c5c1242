import selectors
import socket
from collections import deque


class Kernel(object):
    def __init__(self, selector=None):
        self._selector = selector if selector else selectors.DefaultSelector()  # LEAK
        self._ready = deque()
        self._notify_sock = None
        self._wait_sock = None

    def _init_loopback(self):
        self._notify_sock, self._wait_sock = socket.socketpair()
        self._wait_sock.setblocking(False)
        self._notify_sock.setblocking(False)
        self._selector.register(self._wait_sock, selectors.EVENT_READ)

    def _shutdown_resources(self):
        if self._notify_sock:
            self._notify_sock.close()
            self._notify_sock = None
            self._wait_sock.close()
            self._wait_sock = None

    def run(self, coro=None, shutdown=False):
        if self._notify_sock is None:
            self._init_loopback()
        result = None
        if coro is not None:
            self._ready.append(coro)
        while self._ready:
            task = self._ready.popleft()
            try:
                task.send(None)
                self._ready.append(task)
            except StopIteration as done:
                result = done.value
        if shutdown:
            self._shutdown_resources()
        return result
