import asyncio
import warnings


import psycopg2
from psycopg2.extensions import POLL_ERROR, POLL_OK, POLL_READ, POLL_WRITE


class Connection:
    def __init__(self, dsn: str, loop: asyncio.AbstractEventLoop, timeout: float, waiter, **kwargs) -> None:
        self._loop = loop
        self._conn = psycopg2.connect(dsn, async_=True, **kwargs)
        self._fileno = self._conn.fileno()
        self._timeout = timeout
        self._waiter = waiter
        self._writing = False
        self._notifies: "asyncio.Queue" = asyncio.Queue()
        self._loop.add_reader(self._fileno, self._ready)  # LEAK

    def _ready(self) -> None:
        waiter = self._waiter
        try:
            state = self._conn.poll()
            while self._conn.notifies:
                self._notifies.put_nowait(self._conn.notifies.pop(0))
        except (psycopg2.Warning, psycopg2.Error) as exc:
            if self._writing:
                self._loop.remove_writer(self._fileno)
                self._writing = False
            if waiter is not None and not waiter.cancelled():
                waiter.set_exception(exc)
        else:
            if state == POLL_OK:
                if self._writing:
                    self._loop.remove_writer(self._fileno)
                    self._writing = False
                if waiter is not None and not waiter.cancelled():
                    waiter.set_result(None)
            elif state == POLL_READ:
                if self._writing:
                    self._loop.remove_writer(self._fileno)
                    self._writing = False
            elif state == POLL_WRITE:
                if not self._writing:
                    self._loop.add_writer(self._fileno, self._ready)  # LEAK
                    self._writing = True
            elif state == POLL_ERROR:
                self.close()

    async def _poll(self, waiter, timeout: float) -> None:
        assert waiter is self._waiter, (waiter, self._waiter)
        self._ready()
        try:
            await asyncio.wait_for(self._waiter, timeout)
        finally:
            self._waiter = None

    def close(self) -> None:
        if self._conn.closed:
            return
        self._loop.remove_reader(self._fileno)
        if self._writing:
            self._writing = False
            self._loop.remove_writer(self._fileno)
        self._conn.close()

    def __del__(self) -> None:
        if not self._conn.closed:
            warnings.warn("Unclosed connection {!r}".format(self), ResourceWarning)
            self.close()
