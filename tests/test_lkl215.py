"""LKL215: time-to-live caches that only forget a key when it is read again."""

from __future__ import annotations

from typing import Dict

from conftest import FIXTURES
from leaklint import lint_source
from leaklint.rule import Confidence


def _graded(name: str) -> Dict[int, Confidence]:
    path = FIXTURES / "LKL215" / name
    return {f.line: f.confidence for f in lint_source(path.read_text(), str(path)) if f.code == "LKL215"}


def _line(name: str, text: str) -> int:
    lines = (FIXTURES / "LKL215" / name).read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_per_user_keys_are_high_and_keys_that_show_nothing_medium() -> None:
    graded = _graded("ttl_caches.py")
    assert graded[_line("ttl_caches.py", "self._cache[user_id] = (now, value)")] is Confidence.HIGH
    assert graded[_line("ttl_caches.py", "_stats_cache[key] = (now, stats)")] is Confidence.MEDIUM


def test_expiry_on_read_is_named_in_the_message() -> None:
    source = (FIXTURES / "LKL215" / "ttl_caches.py").read_text()
    messages = {f.line: f.message for f in lint_source(source, "ttl_caches.py") if f.code == "LKL215"}
    assert "dropped only when its own key is read again" in messages[_line("ttl_caches.py", "self._cache[user_id] = (now")]
    assert "nothing ever removes an entry" in messages[_line("ttl_caches.py", "_stats_cache[key] = (now")]


def test_a_file_without_stamped_stores_is_left_alone() -> None:
    source = "_cache = {}\n\n\ndef get(user_id, load):\n    _cache[user_id] = load(user_id)\n    return _cache[user_id]\n"
    assert not [f for f in lint_source(source, "plain.py") if f.code == "LKL215"]


def test_swept_twins_are_clean() -> None:
    assert _graded("ttl_caches_swept.py") == {}


def test_stub_backend_is_low() -> None:
    from leaklint.config import Settings, with_overrides
    from leaklint.runner import lint_paths

    folder = FIXTURES / "LKL215"
    strict = with_overrides(Settings(root=str(folder)), profile="strict")
    report = lint_paths([str(folder / "backends")], strict)
    assert [(f.line, f.confidence) for f in report.findings if f.code == "LKL215"] == [(12, Confidence.LOW)]
