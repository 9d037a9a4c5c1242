"""LKL222: an entry removed from a long-lived table only when the work between the add and the
removal succeeds. Medium on a class or module table, or when that work awaits or yields; low
(strict only) for an instance's own table with plain calls in between."""

from __future__ import annotations

from conftest import FIXTURES, findings_by_line

SOURCE = (FIXTURES / "LKL222" / "removed_on_success.py").read_text(encoding="utf-8")


def _line(text: str) -> int:
    return next(n for n, line in enumerate(SOURCE.splitlines(), 1) if text in line)


def test_an_instance_table_with_plain_calls_between_is_low() -> None:
    line = _line("self.stack.append(item)")
    assert line not in findings_by_line(SOURCE, "LKL222", "default")
    assert findings_by_line(SOURCE, "LKL222", "strict")[line].confidence.value == "low"


def test_an_awaited_reply_is_medium_even_after_a_plain_call() -> None:
    finding = findings_by_line(SOURCE, "LKL222", "default")[_line("self.waiting[token] = reply  # error")]
    assert finding.confidence.value == "medium"
    assert "transport.write(token)" in finding.message


def test_the_unregister_method_is_reported_at_the_call_that_skips_it() -> None:
    finding = findings_by_line(SOURCE, "LKL222", "default")[_line("self.fetch(self.url)  # error")]
    assert "self._forget()" in finding.message and "Download.active" in finding.message


def test_twins_stay_quiet_in_strict() -> None:
    strict = findings_by_line(SOURCE, "LKL222", "strict")
    quiet = [
        "self.waiting[token] = reply\n        try:",
        "self.listeners.add(inbox)\n        try:\n            yield inbox\n        finally",
    ]
    for text in quiet:
        start = SOURCE.index(text)
        line = SOURCE.count("\n", 0, start) + 1
        assert line not in strict, text
    reported = set(strict)
    assert reported == {
        _line("self.waiting[token] = reply  # error"), _line("self.listeners.add(inbox)  # error"),
        _line("WATCHERS.setdefault(path, []).append(callback)  # error"), _line("self.fetch(self.url)  # error"),
        _line("self.stack.append(item)"), _line("self.search_path.append(folder)"),
    }


UNREGISTER_IN_CLOSE = (
    "class Session:\n    registry = {}\n\n    def __init__(self, key):\n        self.key = key\n"
    "        Session.registry[key] = self\n\n    def close(self):\n        self.flush()\n"
    "        self._unregister()\n\n    def flush(self):\n        pass\n\n    def _unregister(self):\n"
    "        del Session.registry[self.key]\n"
)


def test_an_unregister_keyed_by_an_attribute_of_self() -> None:
    assert 9 in findings_by_line(UNREGISTER_IN_CLOSE, "LKL222", "default")


NOT_ADDED_BY_THE_CLASS = UNREGISTER_IN_CLOSE.replace("        Session.registry[key] = self\n", "")


def test_a_table_the_class_never_fills_is_not_its_registration() -> None:
    assert not findings_by_line(NOT_ADDED_BY_THE_CLASS, "LKL222", "strict")


def test_a_plain_generator_is_low() -> None:
    line = _line("self.search_path.append(folder)")
    assert line not in findings_by_line(SOURCE, "LKL222", "default")
    assert findings_by_line(SOURCE, "LKL222", "strict")[line].confidence.value == "low"


TABLE_OF_OTHER_THINGS = (
    "class Scanner:\n    def __init__(self):\n        self.pending = {}\n        self.level = 0\n\n"
    "    def save(self, token):\n        self.pending[self.level] = token\n\n"
    "    def fetch(self):\n        self.unwind()\n        self._drop()\n\n"
    "    def unwind(self):\n        pass\n\n"
    "    def _drop(self):\n        del self.pending[self.level]\n"
)


def test_an_entry_keyed_by_an_attribute_of_self_is_not_its_own_registration() -> None:
    # the class keeps tokens in the table, never itself: dropping one is not unregistering
    assert not findings_by_line(TABLE_OF_OTHER_THINGS, "LKL222", "strict")
