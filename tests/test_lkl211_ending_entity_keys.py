"""LKL211 whatever the class is named: a table of `self` keyed by the id of something that ends
many times over the object's life (a session, a stream, a process, a transaction) that nothing
removes from. Once the session has ended its id never comes back, so its entry is never replaced
or read again: one more entry per session for as long as the object lives."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

# A multiplexer keeps per-stream state keyed by the stream id; a plugin keeps per-session totals
# keyed by a session id passed as a string; a poller keeps per-process samples keyed by pid.
KEYED_BY_ENDING = '''\
from typing import Dict


class Multiplexer:
    def __init__(self, transport):
        self.transport = transport
        self.buffers = {}

    def feed(self, stream_id, chunk, last):
        buffer = self.buffers.setdefault(stream_id, bytearray())
        buffer += chunk
        if last:
            self.transport.deliver(stream_id, bytes(buffer))


class AuditSink:
    def __init__(self):
        self.totals: Dict[str, int] = {}

    def consume(self, session: str, payload: bytes) -> None:
        self.totals[session] = self.totals.get(session, 0) + len(payload)


class CpuSampler:
    def __init__(self, source):
        self.source = source
        self.previous = {}

    def poll(self):
        for row in self.source.rows():
            delta = row["cpu"] - self.previous.get(row["pid"], 0)
            self.previous[row["pid"]] = row["cpu"]
            yield delta
'''

# The same tables, swept: popped where the stream ends, cleared per session end, and ids that are
# gone dropped after each poll.
KEYED_BY_ENDING_SWEPT = '''\
from typing import Dict


class Multiplexer:
    def __init__(self, transport):
        self.transport = transport
        self.buffers = {}

    def feed(self, stream_id, chunk, last):
        buffer = self.buffers.setdefault(stream_id, bytearray())
        buffer += chunk
        if last:
            self.transport.deliver(stream_id, bytes(self.buffers.pop(stream_id)))


class AuditSink:
    def __init__(self):
        self.totals: Dict[str, int] = {}

    def consume(self, session: str, payload: bytes) -> None:
        self.totals[session] = self.totals.get(session, 0) + len(payload)

    def session_closed(self, session: str) -> None:
        self.totals.pop(session, None)


class CpuSampler:
    def __init__(self, source):
        self.source = source
        self.previous = {}
        self.started = {}

    def poll(self):
        rows = list(self.source.rows())
        for row in rows:
            self.started[row["pid"]] = row["start"]
            self.previous[row["pid"]] = row["cpu"]
        alive = {row["pid"] for row in rows}
        for pid in list(self.previous):
            if pid not in alive:
                del self.previous[pid]
'''

# Keys that come back (user ids, names, paths), a table built once in `__init__`, a bounded one,
# objects filed under their own id, and request ids (a history, LKL219's pending replies).
KEYS_THAT_COME_BACK = '''\
import collections


class Directory:
    def __init__(self, rows):
        self.by_name = {}
        self.profiles = {}
        self.seen = collections.OrderedDict()
        for row in rows:
            self.by_name[row["pid"]] = row

    def remember(self, user_id, profile):
        self.profiles[user_id] = profile

    def index(self, path, stream_name):
        self.by_name[stream_name] = path

    def note(self, session_id):
        self.seen[session_id] = True
        if len(self.seen) > 100:
            self.seen.popitem(last=False)


class CircuitInventory:
    """A store of objects by their own id (whose API deletes them) and a log keyed by request id."""

    def __init__(self):
        self.links = {}
        self.call_numbers = {}

    def create_link(self, link):
        self.links[link.connection_id] = link
        return link

    def number_for(self, record):
        request_id = record["request_id"]
        self.call_numbers[request_id] = len(self.call_numbers)
        return self.call_numbers[request_id]
'''


def test_tables_keyed_by_ids_of_ending_things_are_reported() -> None:
    found = findings_by_line(KEYED_BY_ENDING, "LKL211", "default")
    assert sorted(found) == [10, 21, 32]
    assert all(f.confidence == Confidence.MEDIUM for f in found.values())
    assert "stream_id" in found[10].message and "self.buffers" in found[10].message


def test_tables_swept_where_the_thing_ends_are_quiet() -> None:
    # `started` is filed under the same pid as `previous`, which the poll sweeps: LKL218's shape
    assert findings_by_line(KEYED_BY_ENDING_SWEPT, "LKL211", "strict") == {}


def test_keys_that_come_back_are_quiet() -> None:
    assert findings_by_line(KEYS_THAT_COME_BACK, "LKL211", "strict") == {}


# A lock made per session id and never dropped: LKL221's shape, reported once, by LKL221.
LOCK_PER_SESSION = '''\
import asyncio


class Gate:
    def __init__(self):
        self.locks = {}

    async def enter(self, session_id: str) -> None:
        lock = self.locks.get(session_id)
        if lock is None:
            lock = asyncio.Lock()
            self.locks[session_id] = lock
        await lock.acquire()
'''


def test_a_lock_per_ending_id_is_left_to_lkl221() -> None:
    assert findings_by_line(LOCK_PER_SESSION, "LKL211", "strict") == {}
    assert sorted(findings_by_line(LOCK_PER_SESSION, "LKL221", "default")) == [12]
