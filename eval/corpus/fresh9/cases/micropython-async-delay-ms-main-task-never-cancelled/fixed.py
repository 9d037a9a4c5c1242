from __future__ import annotations

import uasyncio as asyncio
from utime import ticks_add, ticks_diff, ticks_ms


def launch(func, tup_args):
    res = func(*tup_args)
    if isinstance(res, type(lambda: (yield))()):
        res = asyncio.create_task(res)
    return res


class Delay_ms:
    class DummyTimer:  # stand-in for the timer task; can be cancelled
        def cancel(self) -> None:
            pass

    _fake = DummyTimer()

    def __init__(self, func=None, args=(), duration: int = 1000) -> None:
        self._func = func
        self._args = args
        self._durn = duration
        self._retn = None
        self._tend = None
        self._busy = False
        self._trig = asyncio.ThreadSafeFlag()
        self._tout = asyncio.Event()
        self.wait = self._tout.wait
        self._ttask = self._fake
        self._mtask = asyncio.create_task(self._run())  # main task

    async def _run(self) -> None:
        while True:
            await self._trig.wait()
            self._ttask.cancel()
            await asyncio.sleep_ms(0)
            dt = max(ticks_diff(self._tend, ticks_ms()), 0)
            self._ttask = asyncio.create_task(self._timer(dt))

    async def _timer(self, dt: int) -> None:
        await asyncio.sleep_ms(dt)
        self._tout.set()
        self._tout.clear()
        self._busy = False
        if self._func is not None:
            self._retn = launch(self._func, self._args)

    def trigger(self, duration: int = 0) -> None:
        self._tend = ticks_add(ticks_ms(), duration if duration > 0 else self._durn)
        self._retn = None
        self._busy = True
        self._trig.set()

    def stop(self) -> None:
        self._ttask.cancel()
        self._ttask = self._fake
        self._busy = False

    def deinit(self) -> None:
        self._ttask.cancel()
        self._mtask.cancel()
