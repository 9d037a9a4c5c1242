from typing import Any, Iterable, Iterator, List

from .protocol import Protocol


class GetItems:
    """Fetch items in chunks, several chunks at a time on the protocol's thread pool."""

    chunk_size = 100

    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol

    def _payload(self, item_ids: List[str]) -> bytes:
        return ("<GetItem>%s</GetItem>" % "".join("<ItemId Id='%s'/>" % i for i in item_ids)).encode()

    def _get_chunk(self, item_ids: List[str]) -> bytes:
        return self.protocol.post("https://%s/EWS/Exchange.asmx" % self.protocol.server, self._payload(item_ids))

    def call(self, item_ids: Iterable[str]) -> Iterator[bytes]:
        ids = list(item_ids)
        chunks = [ids[i:i + self.chunk_size] for i in range(0, len(ids), self.chunk_size)]
        results: List[Any] = []
        for chunk in chunks:
            results.append(self.protocol.thread_pool.apply_async(self._get_chunk, (chunk,)))
        for result in results:
            yield result.get()
