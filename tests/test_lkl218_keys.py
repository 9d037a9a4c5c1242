"""LKL218 needs one key to reach both tables: filled in one method, or read from the object itself
(`self.id`) in two. The same parameter name in two methods is two keys (sample 11's peewee
registries: collations and window functions, each with its own removal, judged false)."""

from __future__ import annotations

from conftest import FIXTURES
from leaklint import lint_source
from leaklint.config import Settings, with_overrides

FIXTURE = FIXTURES / "LKL218" / "sibling_tables.py"


def _strict(source: str) -> dict:
    settings = with_overrides(Settings(), profile="strict")
    return {f.line: f for f in lint_source(source, "m.py", settings=settings) if f.code == "LKL218"}


def test_a_parameter_spelled_alike_in_two_methods_is_not_one_key() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    lines = source.splitlines()
    start = next(n for n, line in enumerate(lines, 1) if line.startswith("class Database"))
    found = _strict(source)
    assert not [line for line in found if line > start]


def test_an_attribute_of_the_object_is_one_key_across_methods() -> None:
    source = FIXTURE.read_text(encoding="utf-8")
    marked = next(n for n, line in enumerate(source.splitlines(), 1) if "# low: LKL218" in line)
    found = _strict(source)
    assert found[marked].confidence.value == "low"


def test_the_same_parameter_filled_together_in_one_method_is_one_key() -> None:
    source = (
        "class Channel:\n    def __init__(self):\n        self._consumers = {}\n        self._pending = {}\n\n"
        "    def consume(self, tag, callback):\n        self._consumers[tag] = callback\n"
        "        self._pending[tag] = []\n\n    def cancel(self, tag):\n        del self._consumers[tag]\n"
    )
    assert _strict(source)[8].confidence.value == "medium"
    split = source.replace("        self._pending[tag] = []\n", "").replace(
        "    def cancel", "    def queue(self, tag):\n        self._pending[tag] = []\n\n    def cancel")
    assert not _strict(split)


def test_a_key_that_names_a_thing_is_low() -> None:
    # circus's Flapping: `self.timelines[watcher_name]` and `self.tries[watcher_name]`, one per
    # configured watcher (sample 15, judged false at medium)
    source = (
        "class Flapping:\n    def __init__(self):\n        self.timers = {}\n        self.tries = {}\n\n"
        "    def check(self, watcher_name, timer):\n        self.timers[watcher_name] = timer\n"
        "        self.tries[watcher_name] = 0\n\n    def reset(self, watcher_name):\n"
        "        self.timers.pop(watcher_name).cancel()\n"
    )
    assert _strict(source)[8].confidence.value == "low"
