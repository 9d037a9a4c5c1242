"""LKL303: a non-daemon thread whose target is a callable the code only receives (a parameter,
an entry of a table of callbacks) is low: the code runs a function it does not define off its own
thread, so that a GUI or event loop does not block, and how long it runs is that function's.
pywebview's `start(func)` and its menu actions: 6 of 6 debatable on sample 17."""

from __future__ import annotations

import pytest

from conftest import findings_by_line

HANDED_IN = {
    "parameter": "import threading\n\ndef start(func):\n    t = threading.Thread(target=func)\n    t.start()\n",
    "table": (
        "from threading import Thread\n\nclass Menu:\n    def __init__(self):\n        self.actions = {}\n\n"
        "    def handle(self, key):\n        Thread(target=self.actions[key]).start()\n"
    ),
    "lookup": (
        "from threading import Thread\n\nACTIONS = {}\n\ndef on_action(name):\n    function = ACTIONS.get(name)\n"
        "    if function is None:\n        return\n    Thread(target=function).start()\n"
    ),
    "parameter attribute": (
        "import threading\n\ndef items(entries):\n"
        "    return [lambda e=e: threading.Thread(target=e.function).start() for e in entries]\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(HANDED_IN))
def test_a_thread_running_a_received_callable_is_low(shape: str) -> None:
    source = HANDED_IN[shape]
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "Thread(target=" in text)
    assert line not in findings_by_line(source, "LKL303", "default")
    finding = findings_by_line(source, "LKL303", "strict")[line]
    assert finding.confidence.value == "low"
    assert "a function this code does not define" in finding.message


def test_a_thread_running_the_projects_own_function_keeps_its_grade() -> None:
    source = "import threading\n\ndef work():\n    pass\n\ndef fire():\n    threading.Thread(target=work).start()\n"
    assert findings_by_line(source, "LKL303", "default")[7].confidence.value == "high"
    method = (
        "import threading\n\nclass Poller:\n    def start(self):\n        self._t = threading.Thread(target=self.poll)\n"
        "        self._t.start()\n\n    def poll(self):\n        pass\n"
    )
    assert findings_by_line(method, "LKL303", "default")[5].confidence.value == "high"


def test_threads_started_per_iteration_keep_their_grade() -> None:
    source = (
        "import threading\n\ndef run_all(handlers):\n    for handler in handlers:\n"
        "        t = threading.Thread(target=handler)\n        t.start()\n"
    )
    assert findings_by_line(source, "LKL303", "default")[5].confidence.value == "high"
