"""LKL220: registrations added per instance to process-lifetime registries, and how they are graded."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FIXTURES, findings_by_line

LOW = re.compile(r"#\s*low:\s*LKL220\b")
ERROR = re.compile(r"#\s*error:\s*LKL220\b")


def _marked(path: Path, pattern: "re.Pattern[str]") -> set:
    return {n for n, line in enumerate(path.read_text().splitlines(), start=1) if pattern.search(line)}


def test_per_instance_entries_are_reported_low_and_the_same_entry_medium() -> None:
    path = FIXTURES / "LKL220" / "per_instance.py"
    source = path.read_text()
    strict = findings_by_line(source, "LKL220", "strict")
    default = findings_by_line(source, "LKL220", "default")
    assert set(strict) == _marked(path, LOW) | _marked(path, ERROR)
    assert set(default) == _marked(path, ERROR)
    assert all(strict[line].confidence.value == "low" for line in _marked(path, LOW))


def test_safe_shapes_stay_quiet_in_the_strict_profile() -> None:
    source = (FIXTURES / "LKL220" / "safe.py").read_text()
    assert findings_by_line(source, "LKL220", "strict") == {}


def test_self_kept_by_the_entry_is_left_to_lkl108() -> None:
    source = (
        "import atexit\n\n\nclass Pool:\n    def __init__(self):\n        atexit.register(self.close)\n"
        "        atexit.register(lambda: self.close())\n        atexit.register(_close, self)\n\n"
        "    def close(self):\n        pass\n\n\ndef _close(pool):\n    pass\n"
    )
    assert findings_by_line(source, "LKL220", "strict") == {}


def test_keyed_and_slot_registries_replace_rather_than_add() -> None:
    source = (
        "import copyreg\nimport signal\n\n\nclass Thing:\n    def __init__(self):\n"
        "        copyreg.pickle(Thing, _reduce)\n        signal.signal(signal.SIGTERM, _on_term)\n\n\n"
        "def _reduce(obj):\n    return Thing, ()\n\n\ndef _on_term(signum, frame):\n    pass\n"
    )
    assert findings_by_line(source, "LKL220", "strict") == {}


def test_blinker_connect_adds_nothing_for_a_duplicate() -> None:
    source = (
        "from blinker import signal\n\nready = signal('ready')\n\n\ndef on_ready(sender):\n    pass\n\n\n"
        "class Worker:\n    def __init__(self):\n        ready.connect(on_ready)\n"
    )
    assert findings_by_line(source, "LKL220", "strict") == {}
