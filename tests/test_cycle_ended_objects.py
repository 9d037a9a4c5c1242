"""A cycle through an object whose class has a framework's end-of-use hook
(`connection_lost()`, `connectionLost()`, `closeEvent()`, `finish()`) that leaves the cycle in
place is in the default selection: such objects are made and ended at a rate, and each ended one
waits for a collection. The fixtures in tests/fixtures/LKL101/ended/ carry the markers; this
checks the reading of names and what the message says."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from leaklint.analysis.cycle_rules import ends_object
from leaklint.config import Settings
from leaklint.runner import lint_paths


@pytest.mark.parametrize("name", ["connection_lost", "connectionLost", "closeEvent", "finish", "_finish"])
def test_names_that_end_an_object(name: str) -> None:
    assert ends_object(name)


@pytest.mark.parametrize("name", ["close", "shutdown", "stop", "stop_calculation", "tearDown", "__exit__", "finished",
                                  "finish_request"])
def test_names_that_do_not_end_an_object(name: str) -> None:
    assert not ends_object(name)


def _default(tmp_path: Path, source: str) -> list:
    (tmp_path / "mod.py").write_text(source)
    report = lint_paths([str(tmp_path)], Settings(root=str(tmp_path), select=("LKL101",)))
    return report.findings


_STREAM = '''
class Stream:
    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.decoder = Decoder(self)

    def {end}(self):
        self.endpoint = None


class Decoder:
    def __init__(self, stream):
        self.stream = stream
        self.partial = []


def open_streams(endpoints):
    return [Stream(e) for e in endpoints]
'''


def test_the_message_names_the_end_hook(tmp_path: Path) -> None:
    findings = _default(tmp_path, _STREAM.format(end="connection_lost"))
    assert len(findings) == 1
    assert "`Stream.connection_lost()` ends each `Stream` but leaves this cycle in place" in findings[0].message


@pytest.mark.parametrize("end", ["close", "stop_decoding"])
def test_a_generic_close_or_a_stop_of_a_computation_is_no_end_hook(tmp_path: Path, end: str) -> None:
    assert _default(tmp_path, _STREAM.format(end=end)) == []


def test_a_drop_of_the_link_anywhere_keeps_it_quiet(tmp_path: Path) -> None:
    source = _STREAM.format(end="connection_lost") + '''

def detach(decoder):
    decoder.stream = None
'''
    assert _default(tmp_path, source) == []


def test_the_fixture_folder_exists() -> None:
    assert (FIXTURES / "LKL101" / "ended" / "sessions.py").exists()
