import asyncio
import json
import logging
from typing import Any, AsyncIterator, Dict, List, Optional

logger = logging.getLogger("proxy")


class SSEProcessor:
    def __init__(self) -> None:
        self._buffer = b""

    def process_chunk(self, chunk: bytes) -> List[Dict[str, Any]]:
        self._buffer += chunk
        records = []
        while b"\n\n" in self._buffer:
            event, self._buffer = self._buffer.split(b"\n\n", 1)
            if event.startswith(b"data: ") and event[6:] != b"[DONE]":
                records.append({"type": "data", "content": json.loads(event[6:])})
        return records


class OutputPipeline:
    async def process_stream(self, stream: AsyncIterator[Dict[str, Any]]) -> AsyncIterator[Dict[str, Any]]:
        async for item in stream:
            yield item


class ProxyTargetProtocol(asyncio.Protocol):
    def __init__(self, proxy: Any) -> None:
        self.proxy = proxy
        self.transport: Optional[asyncio.Transport] = None
        self.sse_processor = SSEProcessor()
        self.pipeline = OutputPipeline()
        self.stream_queue: "Optional[asyncio.Queue[Dict[str, Any]]]" = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    async def _process_stream(self) -> None:
        try:
            async def stream_iterator() -> AsyncIterator[Dict[str, Any]]:
                assert self.stream_queue is not None
                while True:
                    record = await self.stream_queue.get()
                    yield record["content"]

            async for item in self.pipeline.process_stream(stream_iterator()):
                chunk = json.dumps(item).encode()
                self._proxy_write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self._proxy_write(b"0\r\n\r\n")
        except Exception as e:
            logger.error("Error processing stream: %s", e)

    def _process_chunk(self, chunk: bytes) -> None:
        for record in self.sse_processor.process_chunk(chunk):
            if self.stream_queue is None:
                # the first record starts the processing task
                self.stream_queue = asyncio.Queue()
                self.processing_task = asyncio.create_task(self._process_stream())  # LEAK
            self.stream_queue.put_nowait(record)

    def _proxy_write(self, data: bytes) -> None:
        if self.proxy.transport is None or self.proxy.transport.is_closing():
            logger.error("Proxy transport not available")
            return
        self.proxy.transport.write(data)

    def data_received(self, data: bytes) -> None:
        self._process_chunk(data)

    def connection_lost(self, exc: Optional[Exception]) -> None:
        if not self.proxy.closing and self.proxy.transport and not self.proxy.transport.is_closing():
            try:
                self.proxy.transport.close()
            except Exception as e:
                logger.error("Error closing proxy transport: %s", e)
