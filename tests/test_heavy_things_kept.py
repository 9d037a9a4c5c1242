"""A class "holds" a thread, socket or file (the consequence that raises a cycle or pin through
its instances to the default selection) only when its methods keep it: stored on the object, in
something it keeps, returned or handed on. A thread a method makes, starts and drops as a local
(`worker = Thread(...); worker.start()`, `Thread(...).start()`) is not held by the object, and a
cycle through the object does not delay it. Sample 17's pywebview `Event` and sample 18's LKL104
findings said "holds a `threading.Thread`" for such threads."""

from __future__ import annotations

import pytest

from conftest import findings_by_line

_CYCLE = "class {name}:\n    def __init__(self):\n        self.handlers = [self.on_tick]\n\n"

DROPPED = {
    "local started": (
        "    def on_tick(self):\n        worker = threading.Thread(target=self.refresh)\n"
        "        worker.daemon = True\n        worker.start()\n"
    ),
    "temporary started": "    def on_tick(self):\n        threading.Thread(target=self.refresh, daemon=True).start()\n",
    "local named like an attribute": (
        "    def on_tick(self):\n        worker = threading.Thread(target=self.refresh, name=self.worker)\n"
        "        worker.start()\n"
    ),
    "socket closed": (
        "    def on_tick(self):\n        probe = socket.socket()\n        probe.settimeout(1)\n        probe.close()\n"
    ),
}

KEPT = {
    "stored": "    def on_tick(self):\n        self._worker = threading.Thread(target=self.refresh)\n        self._worker.start()\n",
    "stored after start": (
        "    def on_tick(self):\n        worker = threading.Thread(target=self.refresh)\n        worker.start()\n"
        "        self._worker = worker\n"
    ),
    "appended": (
        "    def on_tick(self):\n        worker = threading.Thread(target=self.refresh)\n        worker.start()\n"
        "        self._workers.append(worker)\n"
    ),
    "returned": "    def on_tick(self):\n        conn = socket.create_connection(('h', 1))\n        return conn\n",
    "captured": (
        "    def on_tick(self):\n        conn = socket.socket()\n        self.later = lambda: conn.send(b'x')\n"
    ),
}


def _source(body: str) -> str:
    return "import socket\nimport threading\n\n\n" + _CYCLE.format(name="Ticker") + body + (
        "\n    def refresh(self):\n        pass\n"
    )


@pytest.mark.parametrize("shape", sorted(DROPPED))
def test_a_heavy_thing_a_method_drops_is_not_held(shape: str) -> None:
    source = _source(DROPPED[shape])
    finding = findings_by_line(source, "LKL104", "strict")[7]
    assert "holds a" not in finding.message
    assert 7 not in findings_by_line(source, "LKL104", "default")


@pytest.mark.parametrize("shape", sorted(KEPT))
def test_a_heavy_thing_a_method_keeps_is_held(shape: str) -> None:
    source = _source(KEPT[shape])
    finding = findings_by_line(source, "LKL104", "default")[7]
    assert "`Ticker` holds a `" in finding.message



_SIGNAL = (
    "import threading\n\n\nclass Signal:\n    def __init__(self, owner):\n        self.owner = owner\n"
    "        self.listeners = []\n\n    def fire(self, *args):\n        for listener in self.listeners:\n"
    "{body}\n\nclass Panel:\n    def __init__(self):\n        self.closed = Signal(self)\n"
)


def test_a_cycle_through_an_object_that_starts_and_drops_threads_holds_no_thread() -> None:
    body = "            runner = threading.Thread(target=listener, args=args)\n            runner.start()"
    source = _SIGNAL.format(body=body)
    messages = [f.message for f in findings_by_line(source, "LKL101", "strict").values()]
    assert messages and not any("holds a `threading.Thread`" in m for m in messages)
    assert not findings_by_line(source, "LKL101", "default")  # nothing heavy: one cycle per object


def test_a_cycle_through_an_object_that_keeps_its_threads_is_no_heavier_for_them() -> None:
    # A running thread lives on whatever references it (the interpreter keeps it until it ends),
    # and a finished one holds nothing: collecting the cycle late releases no thread sooner.
    body = (
        "            runner = threading.Thread(target=listener, args=args)\n            runner.start()\n"
        "            self.runners.append(runner)"
    )
    source = _SIGNAL.format(body=body)
    messages = [f.message for f in findings_by_line(source, "LKL101", "strict").values()]
    assert messages and not any("holds a `threading.Thread`" in m for m in messages)
    assert not findings_by_line(source, "LKL101", "default")
