import asyncio
import logging
from collections import OrderedDict
from typing import Any, Callable, Dict, List, Optional

log = logging.getLogger(__name__)


class DeliveryError(Exception):
    def __init__(self, message: Any, frame: Any) -> None:
        super().__init__(message, frame)
        self.message = message
        self.frame = frame


class Channel:
    Returning = object()

    def __init__(self, loop: asyncio.AbstractEventLoop, on_return_raises: bool = True) -> None:
        self.loop = loop
        self.on_return_raises = on_return_raises
        self.confirmations: "OrderedDict[int, Any]" = OrderedDict()  # LEAK
        self.message_id_delivery_tag: Dict[str, int] = {}
        self.on_return_callbacks: List[Callable[[Any], None]] = []
        self.delivery_tag = 0

    async def publish(self, message_id: str, body: bytes) -> "asyncio.Future[Any]":
        self.delivery_tag += 1
        confirmation = self.loop.create_future()
        self.confirmations[self.delivery_tag] = confirmation
        self.message_id_delivery_tag[message_id] = self.delivery_tag
        confirmation.add_done_callback(lambda _: self.message_id_delivery_tag.pop(message_id, None))
        return confirmation

    def on_return(self, message_id: str, message: Any, frame: Any) -> None:
        delivery_tag = self.message_id_delivery_tag.get(message_id)
        if delivery_tag is None:
            log.error("unhandled returned message %r", message)
            return
        confirmation: Optional["asyncio.Future[Any]"] = self.confirmations.pop(delivery_tag, None)
        if confirmation is None:
            return

        self.confirmations[delivery_tag] = self.Returning  # LEAK

        if self.on_return_raises:
            confirmation.set_exception(DeliveryError(message, frame))
            return
        for callback in self.on_return_callbacks:
            try:
                callback(message)
            except Exception:
                log.exception("return callback failed")
        confirmation.set_result(message)

    def confirm_delivery(self, delivery_tag: int, frame: Any) -> None:
        confirmation = self.confirmations.pop(delivery_tag)
        if confirmation is self.Returning or confirmation.done():
            return
        confirmation.set_result(frame)
