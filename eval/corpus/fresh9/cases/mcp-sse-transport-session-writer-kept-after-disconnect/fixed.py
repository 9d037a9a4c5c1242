from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import Any, Dict
from urllib.parse import quote
from uuid import UUID, uuid4

import anyio
from sse_starlette import EventSourceResponse

logger = logging.getLogger(__name__)


class SseServerTransport:
    """connect_sse() opens a session; handle_post_message() routes client messages to it."""

    def __init__(self, endpoint: str) -> None:
        if not endpoint.startswith("/"):
            endpoint = "/" + endpoint
        self._endpoint = endpoint
        self._read_stream_writers: Dict[UUID, Any] = {}

    @asynccontextmanager
    async def connect_sse(self, scope, receive, send):
        read_stream_writer, read_stream = anyio.create_memory_object_stream(0)
        write_stream, write_stream_reader = anyio.create_memory_object_stream(0)

        session_id = uuid4()
        self._read_stream_writers[session_id] = read_stream_writer
        client_post_uri_data = f"{quote(self._endpoint)}?session_id={session_id.hex}"
        sse_stream_writer, sse_stream_reader = anyio.create_memory_object_stream(0)

        async def sse_writer() -> None:
            async with sse_stream_writer, write_stream_reader:
                await sse_stream_writer.send({"event": "endpoint", "data": client_post_uri_data})
                async for session_message in write_stream_reader:
                    await sse_stream_writer.send({"event": "message", "data": session_message.model_dump_json()})

        async with anyio.create_task_group() as tg:

            async def response_wrapper(scope, receive, send) -> None:
                """The response returning means the client closed or disconnected."""
                await EventSourceResponse(content=sse_stream_reader, data_sender_callable=sse_writer)(
                    scope, receive, send
                )
                await read_stream_writer.aclose()
                await write_stream_reader.aclose()
                self._read_stream_writers.pop(session_id, None)
                logger.debug(f"Client session disconnected {session_id}")

            tg.start_soon(response_wrapper, scope, receive, send)
            yield (read_stream, write_stream)

    async def handle_post_message(self, session_id: UUID, message) -> bool:
        writer = self._read_stream_writers.get(session_id)
        if not writer:
            return False
        await writer.send(message)
        return True
