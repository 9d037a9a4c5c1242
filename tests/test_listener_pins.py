"""LKL111 and the summaries behind it: registries reached through classmethods, module-level
objects and parameters, graded by how often the registered objects are made."""

from __future__ import annotations

from typing import List, Tuple

from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.engine import analyze_source
from leaklint.facts.records import plain_summary
from leaklint.rule import Confidence
from leaklint.rules.lkl111_listener_kept_by_long_lived_registry import ListenerKeptByLongLivedRegistry


def _summaries(source: str) -> dict:
    result = analyze_source(source, "example.py", [ListenerKeptByLongLivedRegistry], {}).result
    return {s["name"]: plain_summary(s) for s in result.facts["LKL111"].summaries}

REGISTRY = """\
class Broadcaster:
    _subscribers = []

    @classmethod
    def subscribe(cls, callback):
        cls._subscribers.append(callback)


class Session:
    def __init__(self):
        self.history = []
        Broadcaster.subscribe(self.on_event)

    def on_event(self, event):
        self.history = event
"""


def _found(source: str, code: str = "LKL111") -> List[Tuple[int, Confidence]]:
    strict = with_overrides(Settings(), profile="strict")
    return [(f.line, f.confidence) for f in lint_source(source, "example.py", settings=strict) if f.code == code]


def test_graded_by_how_often_the_registered_objects_are_made() -> None:
    assert _found(REGISTRY) == [(12, Confidence.MEDIUM)]  # how often is not known
    per_call = REGISTRY + "\n\ndef handle():\n    return Session().history\n"
    assert _found(per_call) == [(12, Confidence.HIGH)]
    in_a_loop = REGISTRY + "\n\ndef handle(n):\n    for _ in range(n):\n        Session()\n"
    assert _found(in_a_loop) == [(12, Confidence.HIGH)]
    at_import = REGISTRY + "\n\nSESSION = Session()\n"
    assert _found(at_import) == [(12, Confidence.LOW)]


def test_quiet_when_taken_back_or_kept_weakly_or_the_handle_is_kept() -> None:
    undone = REGISTRY.replace("        self.history = event\n", "        self.history = event\n\n"
                              "    def close(self):\n        Broadcaster.unsubscribe(self.on_event)\n")
    assert _found(undone) == []
    weak = "import weakref\n" + REGISTRY.replace("append(callback)", "append(weakref.WeakMethod(callback))")
    assert _found(weak) == []
    handle = REGISTRY.replace("        Broadcaster.subscribe(self.on_event)",
                              "        self._token = Broadcaster.subscribe(self.on_event)")
    assert _found(handle) == []
    one_slot = REGISTRY.replace("cls._subscribers.append(callback)", "cls._subscriber = callback")
    assert _found(one_slot) == []


GIVEN = """\
class Bus:
    def __init__(self):
        self._listeners = {}

    def register(self, event, listener):
        self._listeners.setdefault(event, []).append(listener)


class Watcher:
    def __init__(self, bus: Bus):
        self.samples = None
        bus.register("progress", self.on_progress)

    def on_progress(self, value):
        self.samples = value
"""


def test_a_registry_the_object_is_given() -> None:
    # Neither how long the bus lives nor how often watchers are made is known: strict only.
    assert _found(GIVEN) == [(12, Confidence.LOW)]
    # A close() that leaves it registered on a bus that cannot take it out: medium.
    closing = GIVEN + "\n    def close(self):\n        self.samples = None\n"
    assert _found(closing) == [(12, Confidence.MEDIUM)]
    # The bus can take entries out (maybe by itself): low again.
    removable = closing.replace(
        "class Watcher:", "    def discard(self, event, listener):\n        self._listeners[event].remove(listener)\n\n\n"
        "class Watcher:")
    assert _found(removable) == [(16, Confidence.LOW)]
    # Stored first, then used through the attribute: the same registry.
    through_attribute = closing.replace(
        "        bus.register(\"progress\", self.on_progress)",
        "        self.bus = bus\n        self.bus.register(\"progress\", self.on_progress)")
    assert _found(through_attribute) == [(13, Confidence.MEDIUM)]
    # A bus the watcher makes itself is a cycle, not a pin.
    owned = closing.replace("    def __init__(self, bus: Bus):\n        self.samples = None\n"
                            "        bus.register",
                            "    def __init__(self):\n        self.samples = None\n        self.bus = Bus()\n"
                            "        self.bus.register")
    assert _found(owned) == []


def test_buckets_of_a_container_are_stores_into_it() -> None:
    summaries = _summaries(GIVEN + "\n\nclass Multi:\n    def __init__(self):\n        self.by_event = {}\n\n"
                           "    def add(self, event, listener):\n        self.by_event[event].append(listener)\n")
    holds = {(s["name"], h[0], h[1], h[2], h[3]) for s in summaries.values() for h in s["holds"]}
    assert ("example.Bus.register", "self", "_listeners", "listener", "container") in holds
    assert ("example.Multi.add", "self", "by_event", "listener", "container") in holds


def test_module_level_object_and_classmethod_summaries() -> None:
    source = REGISTRY + "\n\nclass Hub:\n    def attach(self, cb):\n        self.cbs = [cb]\n\n\nhub = Hub()\n\n\n" \
        "class User:\n    def __init__(self):\n        hub.attach(self.go)\n\n    def go(self):\n        pass\n"
    summaries = _summaries(source)
    assert summaries["example.Broadcaster.subscribe"]["kind"] == "classmethod"
    assert summaries["example"]["types"]["hub"] == ["example.Hub"]
    calls = summaries["example.User.__init__"]["calls"]
    assert calls[0][1] == ["func", "example.hub.attach"]
def test_a_class_with_one_instance_per_process_is_low() -> None:
    app = REGISTRY.replace("class Session:", "class Session:\n    def __new__(cls):\n        return super().__new__(cls)\n")
    assert _found(app) == [(15, Confidence.LOW)]
    named = REGISTRY.replace("class Session:", "class ConsoleApplication:")
    assert _found(named) == [(12, Confidence.LOW)]
