"""The event-rate model (analysis.event_rate) and LKL211's use of it: methods that something
outside the class calls per event (protocol hooks, bound methods handed to a registration call or
set over another object's handler slot, methods a `while` loop calls, and what those call)."""

from __future__ import annotations

from typing import Dict

import libcst as cst

from conftest import findings_by_line
from leaklint.analysis.context import FileContext
from leaklint.analysis.event_rate import per_event_methods, per_event_reason
from leaklint.analysis.walk import TreeIndex, walk
from leaklint.rule import Confidence

RATES = '''\
import asyncio


class Relay(asyncio.Protocol):
    def __init__(self, bus, radio):
        bus.subscribe("telemetry", self.on_sample)
        radio.receiver = self.take
        radio.on_packet = self.take_packet
        self.queue = []

    def data_received(self, data):
        self._store(data)

    def _store(self, data):
        self.queue.append(data)

    def on_sample(self, sample):
        pass

    def take(self, packet):
        pass

    def take_packet(self, packet):
        pass

    def pump(self):
        while True:
            self.step()

    def step(self):
        pass

    def configure(self):
        pass

    def watch(self, emitter):
        def relay(event):
            self.queue.append(event)
        emitter.add_listener(relay)
'''


def _context(source: str) -> FileContext:
    context = FileContext("m.py", source, cst.parse_module(source), "m", False)
    TreeIndex.build(context.module, context.parents)
    return context


def test_per_event_methods_are_named_with_their_reason() -> None:
    context = _context(RATES)
    klass = next(n for n in walk(context.module) if isinstance(n, cst.ClassDef))
    rates: Dict[str, str] = per_event_methods(context, klass)
    assert set(rates) == {"data_received", "_store", "on_sample", "take_packet", "step"}
    assert "per chunk" in rates["data_received"]
    assert "subscribe" in rates["on_sample"]
    assert "handler of another object" in rates["take_packet"]
    assert "loop" in rates["step"]
    # `radio.receiver = self.take`: not a handler slot by its name; `configure`: nobody calls it per event
    assert "take" not in rates and "configure" not in rates


def test_a_closure_handed_to_a_registration_runs_per_event() -> None:
    context = _context(RATES)
    relay = next(n for n in walk(context.module) if isinstance(n, cst.FunctionDef) and n.name.value == "relay")
    watch = next(n for n in walk(context.module) if isinstance(n, cst.FunctionDef) and n.name.value == "watch")
    assert "add_listener" in (per_event_reason(context, relay) or "")
    assert per_event_reason(context, watch) is None


# A long-lived broker whose bound method a bus calls per message: it keeps every message.
GATEWAY = '''\
class MessageBroker:
    def __init__(self, bus):
        self.seen = []
        bus.subscribe("orders", self.relay)

    def relay(self, message):
        self.seen.append(message)
'''

GATEWAY_TRIMMED = GATEWAY + '''\

    def acknowledge(self, message):
        self.seen.remove(message)
'''

# The same object with a hook an event loop calls per connection, through a helper.
PROTOCOL_SERVER = '''\
import asyncio


class EchoServer(asyncio.Protocol):
    def __init__(self):
        self.peers = []

    def connection_made(self, transport):
        self._remember(transport)

    def _remember(self, transport):
        self.peers.append(transport)
'''

PROTOCOL_SERVER_FORGETS = PROTOCOL_SERVER + '''\

    def connection_lost(self, exc):
        self.peers.clear()
'''


def test_per_event_growth_on_a_long_lived_object_is_reported() -> None:
    found = findings_by_line(GATEWAY, "LKL211", "default")
    assert list(found) == [7]
    found = findings_by_line(PROTOCOL_SERVER, "LKL211", "default")
    assert list(found) == [12]


def test_per_event_growth_that_is_trimmed_is_quiet() -> None:
    assert findings_by_line(GATEWAY_TRIMMED, "LKL211", "strict") == {}
    assert findings_by_line(PROTOCOL_SERVER_FORGETS, "LKL211", "strict") == {}


# A dataclass keeps a timestamped record per call in a field's own list.
DATACLASS_LOG = '''\
import time
from dataclasses import dataclass, field
from typing import List


@dataclass
class RetryBudget:
    spent: int = 0
    attempts: List[dict] = field(default_factory=list)

    def note_attempt(self, ok: bool) -> None:
        self.attempts.append({"ok": ok, "at": time.time()})
'''

DATACLASS_LOG_BOUNDED = DATACLASS_LOG.replace(
    "field(default_factory=list)", "field(default_factory=lambda: deque(maxlen=100))").replace(
    "import time\n", "import time\nfrom collections import deque\n")


def test_dataclass_field_containers_are_the_instance_own() -> None:
    found = findings_by_line(DATACLASS_LOG, "LKL211", "strict")
    assert list(found) == [12]
    assert found[12].confidence is Confidence.LOW  # not named long-lived, no event source seen
    assert findings_by_line(DATACLASS_LOG_BOUNDED, "LKL211", "strict") == {}


# A timestamped record from a method a signal calls per event: default.
SIGNAL_LOG = '''\
import time


class PriceFeed:
    def __init__(self, ticker):
        self.history = []
        ticker.connect(self.record)

    def record(self, price):
        self.history.append((time.time(), price))
'''


def test_event_record_from_a_registered_method_is_default() -> None:
    found = findings_by_line(SIGNAL_LOG, "LKL211", "default")
    assert list(found) == [10]
    assert found[10].confidence is Confidence.MEDIUM


# Whatever the class is called: it hands its bound method to a bus, which calls it per message.
SUBSCRIBER = '''\
class OrderTally:
    def __init__(self, bus):
        self.orders = []
        self.totals = {}
        bus.add_listener("order", self.count)

    def count(self, order):
        self.orders.append(order)
        self.totals[order.region] = self.totals.get(order.region, 0) + 1

    def summary(self, line):
        self.orders.append(line)
'''

SUBSCRIBER_DRAINED = SUBSCRIBER + '''\

    def flush(self):
        batch, self.orders = self.orders, []
        return batch
'''

# The same registration, but the method keeps one value per key from a fixed set: quiet.
SUBSCRIBER_COUNTS_ONLY = '''\
class OrderTally:
    def __init__(self, bus):
        self.by_state = {}
        bus.add_listener("order", self.count)

    def count(self, order):
        self.by_state["open"] = order
'''


def test_growth_per_delivered_event_of_a_registered_handler_is_reported() -> None:
    found = findings_by_line(SUBSCRIBER, "LKL211", "default")
    assert list(found) == [8]  # `summary()` is nobody's handler; the per-region count is a bounded key
    assert found[8].confidence is Confidence.MEDIUM
    assert "add_listener" in found[8].message


def test_registered_handler_growth_that_is_drained_or_bounded_is_quiet() -> None:
    assert findings_by_line(SUBSCRIBER_DRAINED, "LKL211", "strict") == {}
    assert findings_by_line(SUBSCRIBER_COUNTS_ONLY, "LKL211", "strict") == {}


# Three more spellings of the same leak: a handler slot of an MQTT-like client and a helper in
# between; a Twisted-like line protocol hook on a class named like a service; a pyee-like `on`.
VARIANTS = '''\
class Mirror:
    def __init__(self, client):
        self.received = []
        client.on_message = self.relay

    def relay(self, client, userdata, msg):
        self._keep(msg)

    def _keep(self, msg):
        self.received.append(msg)


class ChatService(LineReceiver):
    def __init__(self):
        self.transcript = []

    def lineReceived(self, line):
        self.transcript.append(line)


class AuditTrail:
    def __init__(self, emitter):
        self.entries = {}
        emitter.on("change", self.note)

    def note(self, change):
        self.entries[change.uid] = change
'''


def test_the_same_leak_spelled_otherwise_is_reported() -> None:
    assert sorted(findings_by_line(VARIANTS, "LKL211", "default")) == [10, 18, 27]


# The source does not keep the object: it holds a weak method, the class takes the registration
# back, or the signal is a `connect` (weak in Qt, blinker, psygnal, Django): quiet.
NOT_KEPT = '''\
import weakref


class Hub:
    listeners = []

    @classmethod
    def add_listener(cls, callback):
        cls.listeners.append(weakref.WeakMethod(callback))


class WeakTally:
    def __init__(self):
        self.seen = []
        Hub.add_listener(self.count)

    def count(self, item):
        self.seen.append(item)


class ClosingTally:
    def __init__(self, bus):
        self.bus = bus
        self.seen = []
        bus.subscribe("item", self.count)

    def count(self, item):
        self.seen.append(item)

    def close(self):
        self.bus.unsubscribe("item", self.count)


class SignalTally:
    def __init__(self, signal):
        self.seen = []
        signal.connect(self.count)

    def count(self, item):
        self.seen.append(item)
'''


def test_a_source_that_does_not_keep_the_object_is_no_evidence_of_a_long_life() -> None:
    assert findings_by_line(NOT_KEPT, "LKL211", "strict") == {}
