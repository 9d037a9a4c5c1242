import asyncio
import logging
from typing import Any, AsyncIterator, Callable, Tuple

logger = logging.getLogger("mqtt")


class Client:
    def __init__(self, transport: Any) -> None:
        self._transport = transport
        self._disconnected: "asyncio.Future[None]" = asyncio.get_event_loop().create_future()

    def on_disconnect(self, exc: Exception = None) -> None:
        if self._disconnected.done():
            return
        if exc is None:
            self._disconnected.set_result(None)
        else:
            self._disconnected.set_exception(exc)

    def _callback_and_generator(self, *, log_context: str, queue_maxsize: int = 0) -> Tuple[Callable[..., None], AsyncIterator[Any]]:
        messages: "asyncio.Queue[Any]" = asyncio.Queue(maxsize=queue_maxsize)

        def _put_in_queue(client: Any, userdata: Any, msg: Any) -> None:
            try:
                messages.put_nowait(msg)
            except asyncio.QueueFull:
                logger.warning("[%s] message queue is full, discarding message", log_context)

        async def _message_generator() -> AsyncIterator[Any]:
            while True:
                # wait for the next message or for the broker to go away
                get = asyncio.create_task(messages.get())
                try:
                    done, _ = await asyncio.wait((get, self._disconnected), return_when=asyncio.FIRST_COMPLETED)
                except asyncio.CancelledError:
                    # the wait was cancelled: cancel the task it was waiting on as well
                    get.cancel()
                    raise
                if get in done:
                    yield get.result()
                else:
                    get.cancel()
                    # propagate the cause of the disconnect, if any
                    await self._disconnected
                    return

        return _put_in_queue, _message_generator()

    def unfiltered_messages(self, queue_maxsize: int = 0) -> AsyncIterator[Any]:
        callback, generator = self._callback_and_generator(log_context="unfiltered", queue_maxsize=queue_maxsize)
        self._transport.on_message = callback
        return generator
