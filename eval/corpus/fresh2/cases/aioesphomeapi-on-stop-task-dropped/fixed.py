from __future__ import annotations

import asyncio
import socket
from typing import Awaitable, Callable


class APIConnection:
    def __init__(self, on_stop: Callable[[bool], Awaitable[None]] | None) -> None:
        self.on_stop = on_stop
        self._socket: socket.socket | None = None
        self._connect_complete = False
        self._expected_disconnect = False
        self._on_stop_task: asyncio.Task | None = None

    def _cleanup(self) -> None:
        if self._socket is not None:
            self._socket.close()
            self._socket = None

        if self.on_stop is not None and self._connect_complete:

            def _remove_on_stop_task(_fut: asyncio.Future) -> None:
                self._on_stop_task = None

            self._on_stop_task = asyncio.get_running_loop().create_task(
                self.on_stop(self._expected_disconnect)
            )
            self._on_stop_task.add_done_callback(_remove_on_stop_task)
            self.on_stop = None

    async def disconnect(self) -> None:
        self._expected_disconnect = True
        self._cleanup()

    def report_fatal_error(self, error: Exception) -> None:
        self._cleanup()
