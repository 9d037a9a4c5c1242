import asyncio
from typing import Optional

from nats.aio.subscription import Subscription


class JetStreamContext:
    def __init__(self, conn) -> None:
        self._nc = conn

    async def subscribe_bind(self, stream: str, config, consumer: str, cb=None,
                             ordered_consumer: bool = False) -> "JetStreamContext.PushSubscription":
        sub = await self._nc.subscribe(subject=config.deliver_subject, cb=cb)
        psub = JetStreamContext.PushSubscription(self, sub, stream, consumer)
        sub._jsi = JetStreamContext._JSI(js=self, conn=self._nc, psub=psub, sub=sub, ccreq=config)
        if config.idle_heartbeat:
            sub._jsi._hbtask = asyncio.create_task(sub._jsi.activity_check())
        if ordered_consumer:
            sub._jsi._fctask = asyncio.create_task(sub._jsi.check_flow_control_response())
        return psub

    class _JSI:
        def __init__(self, js, conn, psub, sub, ccreq) -> None:
            self._js = js
            self._conn = conn
            self._psub = psub
            self._sub = sub
            self._ccreq = ccreq
            self._hbtask: Optional[asyncio.Task] = None
            self._hbi = ccreq.idle_heartbeat if ccreq else None
            self._fctask: Optional[asyncio.Task] = None
            self._active = True
            self._fcr: Optional[str] = None

        async def activity_check(self) -> None:
            while True:
                await asyncio.sleep(self._hbi)
                if not self._active:
                    await self._js._nc.flush()
                self._active = False

        async def check_flow_control_response(self) -> None:
            while True:
                await asyncio.sleep(1)
                if self._fcr is not None:
                    await self._conn.publish(self._fcr)
                    self._fcr = None

    class PushSubscription(Subscription):
        def __init__(self, js, sub, stream: str, consumer: str) -> None:
            self._js = js
            self._stream = stream
            self._consumer = consumer
            self._sub = sub
            self._conn = sub._conn
            self._id = sub._id
            self._subject = sub._subject
            self._cb = sub._cb
            self._closed = sub._closed
            self._pending_queue = sub._pending_queue
            self._wait_for_msgs_task = sub._wait_for_msgs_task

        async def consumer_info(self):
            return await self._js._nc.request(f"CONSUMER.INFO.{self._stream}.{self._consumer}")

        async def unsubscribe(self, limit: int = 0) -> None:
            await super().unsubscribe(limit)
            if self._sub._jsi._hbtask:
                self._sub._jsi._hbtask.cancel()
            if self._sub._jsi._fctask:
                self._sub._jsi._fctask.cancel()
