from __future__ import annotations

import logging
from collections import defaultdict, deque
from threading import Lock
from time import time

logger = logging.getLogger(__name__)
MAX_CHUNKS_PER_FILE = 8
CHUNK_SZ = 500 * 1024 ** 2
CHUNK_TIMEOUT = 5


class ReadProxy:
    """Dict of stream chunks for consecutive read access of files."""

    def __init__(self, acd_client) -> None:
        self.acd_client = acd_client
        self.lock = Lock()
        self.files = defaultdict(ReadProxy.ReadFile)

    class StreamChunk:
        """A file node chunk as a streamed ranged HTTP response, possibly partly read."""

        __slots__ = ("offset", "r", "end")

        def __init__(self, acd_client, id_, offset: int, length: int, **kwargs) -> None:
            self.offset = offset
            self.r = acd_client.response_chunk(id_, offset, length, **kwargs)
            self.end = offset + int(self.r.headers["content-length"]) - 1

        def has_byte_range(self, offset: int, length: int) -> bool:
            return offset == self.offset and offset + length - 1 <= self.end

        def get(self, length: int) -> bytes:
            b = next(self.r.iter_content(length))
            self.offset += len(b)
            return b

        def close(self) -> None:
            self.r.close()

    class ReadFile:
        """A file opened for reading; keeps at most MAX_CHUNKS_PER_FILE open chunks."""

        __slots__ = ("chunks", "access", "lock")

        def __init__(self) -> None:
            self.chunks = deque(maxlen=MAX_CHUNKS_PER_FILE)
            self.access = time()
            self.lock = Lock()

        def get(self, acd_client, id_, offset: int, length: int, total: int) -> bytes:
            with self.lock:
                for c in reversed(self.chunks):
                    if c.has_byte_range(offset, length):
                        return c.get(length)

            with self.lock:
                chunk = ReadProxy.StreamChunk(acd_client, id_, offset, CHUNK_SZ, timeout=CHUNK_TIMEOUT)
                if len(self.chunks) == MAX_CHUNKS_PER_FILE:
                    self.chunks[0].close()
                self.chunks.append(chunk)
                return chunk.get(length)

        def clear(self) -> None:
            with self.lock:
                for chunk in self.chunks:
                    try:
                        chunk.close()
                    except Exception:
                        pass
                self.chunks.clear()

    def get(self, id_, offset: int, length: int, total: int) -> bytes:
        with self.lock:
            f = self.files[id_]
        return f.get(self.acd_client, id_, offset, length, total)
