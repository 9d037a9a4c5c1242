from multiprocessing.connection import Connection
from typing import Any, Tuple


class Channel:
    def __init__(self, reader: Connection, writer: Connection) -> None:
        self.reader = reader
        self.writer = writer

    def poll(self, timeout: float = None) -> bool:
        return self.reader.poll(timeout)

    def recv(self) -> Any:
        return self.reader.recv()

    def send(self, obj: Any) -> None:
        self.writer.send(obj)

    def close(self) -> None:
        self.reader.close()
        self.writer.close()


class WorkerChannel(Channel):
    def __init__(self, reader: Connection, writer: Connection, unused: Tuple[Connection, Connection], mp_context) -> None:
        super().__init__(reader, writer)
        self.unused = unused
        self.lock = mp_context.RLock()

    def initialize(self) -> None:
        """Close the pool-side ends the worker inherited but never uses."""
        for connection in self.unused:
            connection.close()


def channels(mp_context) -> Tuple[Channel, WorkerChannel]:
    read0, write0 = mp_context.Pipe(duplex=False)
    read1, write1 = mp_context.Pipe(duplex=False)
    return Channel(read1, write0), WorkerChannel(read0, write1, (read1, write0), mp_context)
