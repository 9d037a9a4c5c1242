from __future__ import annotations

import asyncio
import threading

from ._callback import _invoke as invoke
from ._context import active_app, active_message_pump


class App:
    def __init__(self) -> None:
        self._installed_screens: dict[str, object] = {}
        self._modes: dict[str, object] = {}
        self._screen_stacks: dict[str, list] = {"_default": []}
        self.return_value = None

    async def run_async(self, *, headless: bool = False):
        app = self
        active_app.set(app)
        active_message_pump.set(app)
        try:
            app._loop = asyncio.get_running_loop()
            app._thread_id = threading.get_ident()
            await app._process_messages(headless=headless)
        finally:
            try:
                await asyncio.shield(app._shutdown())
            except asyncio.CancelledError:
                pass
        active_app.set(None)
        active_message_pump.set(None)
        return app.return_value

    async def _shutdown(self) -> None:
        await self._close_all()

    async def _close_all(self) -> None:
        for stack in self._screen_stacks.values():
            for stack_screen in reversed(stack):
                await invoke(stack_screen.remove)
            stack.clear()
        self._installed_screens.clear()
        self._modes.clear()
