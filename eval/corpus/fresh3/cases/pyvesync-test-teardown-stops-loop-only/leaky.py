from __future__ import annotations

import asyncio
from unittest import mock


class TestDeviceBase:
    def setup_method(self) -> None:
        self.loop = asyncio.new_event_loop()  # LEAK
        asyncio.set_event_loop(self.loop)
        self.mock_api = mock.patch("pyvesync.vesync.VeSync.async_call_api").start()
        self.manager = mock.MagicMock()

    def teardown_method(self) -> None:
        mock.patch.stopall()
        self.loop.stop()

    def run(self, coro):
        return self.loop.run_until_complete(coro)


class TestOutlets(TestDeviceBase):
    def test_toggle(self) -> None:
        async def toggle() -> bool:
            return True

        assert self.run(toggle())
