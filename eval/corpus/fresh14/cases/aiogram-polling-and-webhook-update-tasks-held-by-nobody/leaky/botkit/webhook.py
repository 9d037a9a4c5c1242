import asyncio
from typing import Any, Dict

from aiohttp import web

from .dispatcher import Bot, Dispatcher


class RequestHandler:
    """Receives webhook updates over aiohttp and passes them to the dispatcher."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, handle_in_background: bool = True,
                 **data: Any) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.handle_in_background = handle_in_background
        self.data = data

    def register(self, app: web.Application, path: str) -> None:
        app.router.add_route("POST", path, self.handle)

    async def _background_feed_update(self, bot: Bot, update: Dict[str, Any]) -> None:
        result = await self.dispatcher.feed_raw_update(bot=bot, update=update, **self.data)
        if result is not None:
            await self.dispatcher.silent_call_request(bot=bot, result=result)

    async def _handle_request_background(self, bot: Bot, request: web.Request) -> web.Response:
        asyncio.create_task(  # LEAK
            self._background_feed_update(bot=bot, update=await request.json())
        )
        return web.json_response({})

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        result = await self.dispatcher.feed_raw_update(bot=bot, update=await request.json(), **self.data)
        return web.json_response(result or {})

    async def handle(self, request: web.Request) -> web.Response:
        if self.handle_in_background:
            return await self._handle_request_background(self.bot, request)
        return await self._handle_request(self.bot, request)
