"""LKL309: a looping task the class's teardown never cancels is low when the teardown signals
the loop (a flag it reads, a sentinel in its queue) without waiting for it."""

from __future__ import annotations

from conftest import findings_by_line

SOURCE = '''import asyncio


class Client:
    def __init__(self, sender):
        self._sender = sender
        self._connected = False
        self._ping = None

    async def connect(self):
        self._connected = True
        self._ping = asyncio.ensure_future(self._ping_loop())

    async def _ping_loop(self):
        while self._connected:
            await self._sender.send("ping")
            await asyncio.sleep(60)

    def disconnect(self):
        self._connected = False
        self._sender.disconnect()
'''


def test_a_signalled_loop_without_a_wait_is_low() -> None:
    assert findings_by_line(SOURCE, "LKL309", "default") == {}
    strict = findings_by_line(SOURCE, "LKL309", "strict")
    assert sorted(strict) == [12]
    assert strict[12].confidence.name.lower() == "low"
