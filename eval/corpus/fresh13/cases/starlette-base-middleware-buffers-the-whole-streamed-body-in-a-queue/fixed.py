import asyncio
from typing import Any, AsyncIterator, Awaitable, Callable, Dict, Optional

Message = Dict[str, Any]
ASGIApp = Callable[[dict, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


class StreamingResponse:
    def __init__(self, status_code: int, content: AsyncIterator[bytes], raw_headers: list) -> None:
        self.status_code = status_code
        self.content = content
        self.raw_headers = raw_headers

    async def __call__(self, scope: dict, receive, send) -> None:
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        async for chunk in self.content:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})


class BaseHTTPMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        response = await self.dispatch(scope, receive)
        await response(scope, receive, send)

    async def dispatch(self, scope: dict, receive) -> StreamingResponse:
        return await self.call_next(scope, receive)

    async def call_next(self, scope: dict, receive) -> StreamingResponse:
        messages: "asyncio.Queue[Optional[Message]]" = asyncio.Queue(maxsize=1)

        async def run_app() -> None:
            try:
                await self.app(scope, receive, messages.put)
            finally:
                await messages.put(None)

        app_task = asyncio.get_event_loop().create_task(run_app())
        first = await messages.get()
        if first is None:
            app_task.result()
            raise RuntimeError("No response returned.")

        async def body() -> AsyncIterator[bytes]:
            while True:
                message = await messages.get()
                if message is None:
                    break
                yield message.get("body", b"")
            app_task.result()

        return StreamingResponse(first["status"], body(), first["headers"])
