import asyncio
import logging
from typing import Any, AsyncIterator, Dict, List, Optional

log = logging.getLogger(__name__)


class Bot:
    """Stand-in for the API client: long-polls getUpdates."""

    def __init__(self, token: str) -> None:
        self.token = token
        self._offset = 0

    async def get_updates(self, timeout: int) -> List[Dict[str, Any]]:
        await asyncio.sleep(0)
        return []

    async def call(self, method: Dict[str, Any]) -> None:
        await asyncio.sleep(0)


class Dispatcher:
    def __init__(self) -> None:
        self.handlers: List[Any] = []
        self.workflow_data: Dict[str, Any] = {}

    async def feed_update(self, bot: Bot, update: Dict[str, Any], **kwargs: Any) -> Optional[Dict[str, Any]]:
        for handler in self.handlers:
            result = await handler(bot, update, **kwargs)
            if result is not None:
                return result
        return None

    async def feed_raw_update(self, bot: Bot, update: Dict[str, Any], **kwargs: Any) -> Optional[Dict[str, Any]]:
        return await self.feed_update(bot, dict(update), **kwargs)

    async def silent_call_request(self, bot: Bot, result: Dict[str, Any]) -> None:
        try:
            await bot.call(result)
        except Exception as e:
            log.error("failed to make a request: %r", e)

    async def _process_update(self, bot: Bot, update: Dict[str, Any], **kwargs: Any) -> bool:
        try:
            await self.feed_update(bot, update, **kwargs)
            return True
        except Exception:
            log.exception("cause exception while processing update id=%s", update.get("update_id"))
            return True

    async def _listen_updates(self, bot: Bot, polling_timeout: int) -> AsyncIterator[Dict[str, Any]]:
        while True:
            for update in await bot.get_updates(polling_timeout):
                yield update

    async def _polling(self, bot: Bot, polling_timeout: int = 30, handle_as_tasks: bool = True,
                       **kwargs: Any) -> None:
        try:
            async for update in self._listen_updates(bot, polling_timeout):
                handle_update = self._process_update(bot=bot, update=update, **kwargs)
                if handle_as_tasks:
                    asyncio.create_task(handle_update)  # LEAK
                else:
                    await handle_update
        finally:
            log.info("polling stopped for bot %s", bot.token[:6])
