import asyncio
from typing import Any, Dict, Tuple

from .service import BaseService


class Peer(BaseService):
    def __init__(self, remote: Tuple[str, int], reader: Any, writer: Any) -> None:
        super().__init__()
        self.remote = remote
        self.reader = reader
        self.writer = writer
        self.last_line: bytes = b""
        self.lines = 0

    async def _run(self) -> None:
        while True:
            line = await self.reader.readline()
            if not line:
                return
            self.last_line = line
            self.lines += 1


class PeerPool(BaseService):
    def __init__(self) -> None:
        super().__init__()
        self.peer_count = 0

    async def _run(self) -> None:
        await asyncio.Event().wait()

    def add_peer(self, remote: Tuple[str, int], reader: Any, writer: Any) -> Peer:
        peer = Peer(remote, reader, writer)
        self.peer_count += 1
        self.run_child_service(peer)
        return peer
