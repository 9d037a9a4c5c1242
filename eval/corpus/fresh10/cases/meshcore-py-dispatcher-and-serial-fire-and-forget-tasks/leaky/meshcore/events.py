from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any, Callable, Dict, List, Optional, Set

logger = logging.getLogger("meshcore")


class Event:
    def __init__(self, type: str, payload: Any, attributes: Optional[Dict[str, Any]] = None) -> None:
        self.type = type
        self.payload = payload
        self.attributes = attributes or {}

    def clone(self) -> "Event":
        return Event(self.type, self.payload, dict(self.attributes))


class Subscription:
    def __init__(self, dispatcher: "EventDispatcher", event_type: Optional[str], callback: Callable) -> None:
        self.dispatcher = dispatcher
        self.event_type = event_type
        self.callback = callback

    def unsubscribe(self) -> None:
        self.dispatcher._remove_subscription(self)


class EventDispatcher:
    def __init__(self) -> None:
        self.queue: asyncio.Queue = asyncio.Queue()
        self.subscriptions: List[Subscription] = []
        self.running = False
        self._task: Optional[asyncio.Task] = None

    def subscribe(self, event_type: Optional[str], callback: Callable) -> Subscription:
        subscription = Subscription(self, event_type, callback)
        self.subscriptions.append(subscription)
        return subscription

    def _remove_subscription(self, subscription: Subscription) -> None:
        if subscription in self.subscriptions:
            self.subscriptions.remove(subscription)

    async def dispatch(self, event: Event) -> None:
        await self.queue.put(event)

    async def _process_events(self) -> None:
        while self.running:
            event = await self.queue.get()
            for subscription in self.subscriptions.copy():
                if subscription.event_type is None or subscription.event_type == event.type:
                    if asyncio.iscoroutinefunction(subscription.callback):
                        asyncio.create_task(self._execute_callback(subscription.callback, event.clone()))  # LEAK
                    else:
                        try:
                            subscription.callback(event.clone())
                        except Exception as e:
                            logger.error("Error in event handler for %s: %s", event.type, e)
            self.queue.task_done()

    async def _execute_callback(self, callback: Callable, event: Event) -> None:
        try:
            result = callback(event)
            if inspect.iscoroutine(result):
                await result
        except Exception as e:
            logger.error("Error in event handler for %s: %s", event.type, e)

    async def start(self) -> None:
        if not self.running:
            self.running = True
            self._task = asyncio.create_task(self._process_events())

    async def stop(self) -> None:
        if self.running:
            self.running = False
            if self._task:
                await self.queue.join()
                self._task.cancel()
                self._task = None
