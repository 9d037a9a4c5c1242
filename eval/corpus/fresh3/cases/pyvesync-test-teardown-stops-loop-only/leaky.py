from __future__ import annotations

import asyncio
from unittest.mock import MagicMock, patch

import pytest


class TestApiFunc:
    """Instantiates the client and patches its HTTP session for each test."""

    @pytest.fixture(autouse=True, scope="function")
    def setup(self, caplog):
        self.mock_api_call = patch("pyvesync.vesync.ClientSession")
        self.caplog = caplog
        self.mock_api = self.mock_api_call.start()
        self.loop = asyncio.new_event_loop()  # LEAK
        self.mock = MagicMock()
        yield
        self.mock.stop()
        self.loop.stop()

    def run_in_loop(self, func, *args, **kwargs):
        return self.loop.run_until_complete(func(*args, **kwargs))


class TestOutlets(TestApiFunc):
    def test_toggle(self) -> None:
        async def toggle() -> bool:
            return True

        assert self.run_in_loop(toggle)
