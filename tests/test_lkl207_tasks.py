"""LKL207 for asyncio tasks: a long-lived object that keeps every task it starts per request in a
container of its own (pybotx's `Bot.tasks`, emptied only at shutdown), the task twin of
socketserver's `_threads` (bpo-37193). The asyncio docs pair `tasks.add(task)` with
`task.add_done_callback(tasks.discard)`."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

TASKS_KEPT = '''\
import asyncio


class BotMixin:
    def __init__(self, handler):
        self.handler = handler
        self.tasks = set()

    async def __call__(self, message):
        self.tasks.add(asyncio.ensure_future(self.handler(message)))

    async def shutdown(self):
        await asyncio.gather(*self.tasks)
        self.tasks.clear()
'''

TASKS_DISCARDED = TASKS_KEPT.replace(
    "        self.tasks.add(asyncio.ensure_future(self.handler(message)))\n",
    "        task = asyncio.ensure_future(self.handler(message))\n        self.tasks.add(task)\n"
    "        task.add_done_callback(self.tasks.discard)\n",
)

TASKS_WEAK_FIELD = '''\
import asyncio
from dataclasses import dataclass, field
from weakref import WeakSet


@dataclass
class BotService:
    handler: object
    tasks: WeakSet = field(init=False, default_factory=WeakSet)

    async def __call__(self, message):
        self.tasks.add(asyncio.ensure_future(self.handler(message)))
'''

LOOP_TASKS_AT_START = '''\
import asyncio


class WorkerService:
    def __init__(self, loop):
        self.loop = loop
        self.tasks = []

    def start(self):
        for _ in range(4):
            self.tasks.append(self.loop.create_task(self.work()))

    async def work(self):
        pass
'''


def test_tasks_kept_until_shutdown_are_reported() -> None:
    found = findings_by_line(TASKS_KEPT, "LKL207", "default")
    assert list(found) == [10]
    assert "task" in found[10].message and "add_done_callback" in (found[10].suggestion or "")
    assert found[10].confidence is Confidence.HIGH


def test_tasks_that_leave_when_done_weak_or_a_fixed_pool_are_quiet() -> None:
    for source in (TASKS_DISCARDED, TASKS_WEAK_FIELD, LOOP_TASKS_AT_START):
        assert findings_by_line(source, "LKL207", "strict") == {}
