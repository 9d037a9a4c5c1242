"""LKL221: tables that make a lock per key on demand and never drop one."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

_HEAD = "import asyncio\nimport threading\nfrom collections import defaultdict\n\n\n"


def test_per_request_keys_are_in_the_default_selection() -> None:
    source = _HEAD + (
        "class Store:\n    def __init__(self):\n        self._locks = defaultdict(asyncio.Lock)\n\n"
        "    async def save(self, run):\n        async with self._locks[run.id]:\n            await run.write()\n"
    )
    found = findings_by_line(source, "LKL221", "default")
    assert [f.confidence for f in found.values()] == [Confidence.MEDIUM]
    assert "pop(run.id, None)" in next(iter(found.values())).suggestion


def test_peer_keys_and_keys_that_show_nothing_are_low() -> None:
    source = _HEAD + (
        "class Proxy:\n    def __init__(self):\n        self.limits = defaultdict(lambda: asyncio.Semaphore(5))\n\n"
        "    async def forward(self, command):\n        async with self.limits[command.connection.address]:\n"
        "            await command.run()\n\n\n"
        "class Guard:\n    def __init__(self):\n        self.locks = {}\n\n"
        "    def enter(self, k):\n        return self.locks.setdefault(k, threading.RLock())\n"
    )
    assert findings_by_line(source, "LKL221", "default") == {}
    strict = findings_by_line(source, "LKL221", "strict")
    assert sorted(f.confidence.value for f in strict.values()) == ["low", "low"]


def test_a_lock_table_that_is_cleared_or_sized_is_left_alone() -> None:
    source = _HEAD + (
        "class Store:\n    def __init__(self):\n        self._locks = defaultdict(threading.Lock)\n\n"
        "    def save(self, run):\n        with self._locks[run.id]:\n            run.write()\n"
        "        if len(self._locks) > 1000:\n            self._locks.clear()\n"
    )
    assert findings_by_line(source, "LKL221", "strict") == {}


def test_tables_of_other_values_are_not_this_rule() -> None:
    source = _HEAD + (
        "class Store:\n    def __init__(self):\n        self._rows = {}\n\n"
        "    def save(self, run):\n        self._rows[run.id] = run.row()\n"
    )
    assert findings_by_line(source, "LKL221", "strict") == {}


def test_a_key_the_object_reads_from_itself_is_one_entry() -> None:
    source = _HEAD + (
        "class Session:\n    def __init__(self):\n        self._locks = defaultdict(threading.Lock)\n\n"
        "    def save(self):\n        with self._locks[self.session_id]:\n            self.write()\n"
    )
    assert findings_by_line(source, "LKL221", "strict") == {}
