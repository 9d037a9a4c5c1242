"""LKL301/LKL302: fix shapes and safety, confidences, and the extra-resources option."""

from __future__ import annotations

from pathlib import Path
from typing import Any, List, Mapping

import libcst as cst

from conftest import FIXTURES
from leaklint import lint_source
from leaklint.config import Settings, settings_from_table, with_overrides
from leaklint.engine import analyze_source
from leaklint.fixes.loop import fix_source
from leaklint.registry import all_rules
from leaklint.rule import PROFILE_KEY, Confidence, Finding, FixSafety


# What the strict profile shows (low findings too): the fix shapes do not depend on the grade.
STRICT = {PROFILE_KEY: {"profile": "strict"}}


def _fix(source: str, unsafe: bool = False, rule_settings: Mapping[str, Mapping[str, Any]] = STRICT) -> str:
    outcome = fix_source(source, "example.py", all_rules(), rule_settings, unsafe=unsafe)
    assert not outcome.problems
    cst.parse_module(outcome.source)
    return str(outcome.source)


def _codes(source: str) -> List[str]:
    return [f.code for f in lint_source(source, "example.py")]


def _only(source: str, profile: str = "default") -> Finding:
    findings = lint_source(source, "example.py", settings=with_overrides(Settings(), profile=profile))
    assert len(findings) == 1, findings
    return findings[0]


def test_fixture_fixes_safe_then_unsafe() -> None:
    source = (FIXTURES / "LKL301" / "fixes.py").read_text()
    safe = _fix(source)
    assert "    with open(path, encoding=\"utf-8\") as f:\n        text = f.read()" in safe
    assert "    with open(path, \"w\") as f:  # error: LKL301\n        f.write(\"a\")\n        f.write(render(\"b\"))\n    return path" in safe
    assert "f.close()" not in safe
    assert "    log = open(path, \"a\")" in safe  # moving statements under `with` is unsafe
    unsafe = _fix(source, unsafe=True)
    assert "    with open(path, \"a\") as log:  # error: LKL301\n        log.write(\"start\")\n        log.write(\"end\")\n    return path" in unsafe
    assert _codes(unsafe) == []


def test_seed_example_is_high_and_safe_fix_to_the_end_of_the_scope() -> None:
    finding = _only("f = open('file.txt', 'w')\nf.write('hello')\n")
    assert finding.code == "LKL301" and finding.confidence is Confidence.HIGH
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE
    # stopping before the end of the body moves the close earlier: unsafe
    earlier = _only("f = open('file.txt', 'w')\nf.write('hello')\nprint('done')\n")
    assert earlier.fix is not None and earlier.fix.safety is FixSafety.UNSAFE
    assert "with open('file.txt', 'w') as f:" in finding.suggestion


def test_closed_not_on_exception_is_medium_and_names_the_line() -> None:
    # (a parse of what was read can raise; a bare `h.read()` alone would make the finding low)
    finding = _only("def f(p, parse):\n    h = open(p)\n    x = parse(h.read())\n    h.close()\n    return x\n")
    assert finding.confidence is Confidence.MEDIUM
    assert "`h.close()` on line 4" in finding.message and "exception" in finding.message


def test_use_after_close_gets_no_fix() -> None:
    finding = _only("def f(p, parse):\n    h = open(p)\n    x = parse(h.read())\n    h.close()\n    return h.name, x\n")
    assert finding.fix is None


def test_release_right_after_creation_is_fine() -> None:
    assert _codes("import os, tempfile\n\ndef f():\n    fd, path = tempfile.mkstemp()\n    os.close(fd)\n    return path\n") == []


def test_name_taken_gets_a_fresh_one() -> None:
    fixed = _fix("def load(path, f):\n    data = open(path).read()\n    return f(data)\n")
    assert "with open(path) as f2:\n        data = f2.read()" in fixed


def test_statement_with_earlier_call_is_not_rewritten() -> None:
    finding = _only("def load(path, g):\n    return g(), open(path).read()\n")
    assert finding.fix is None


def test_generator_expression_is_not_rewritten() -> None:
    finding = _only("def lines(path):\n    return sum(1 for _ in open(path))\n")
    assert finding.fix is None  # a generator runs later: the `with` would close the file too soon


def test_fd_has_suggestion_only() -> None:
    finding = _only("import os\n\ndef f(p):\n    fd = os.open(p, os.O_RDONLY)\n    return os.read(fd, 1)\n")
    assert finding.fix is None and "os.close(fd)" in finding.suggestion


def test_popen_fix_is_unsafe() -> None:
    source = "import subprocess\n\ndef run(cmd):\n    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)\n    log(p.pid)\n    p.wait()\n    return 1\n"
    finding = _only(source)
    assert finding.confidence is Confidence.MEDIUM
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    assert _fix(source) == source
    assert "with subprocess.Popen(cmd, stdout=subprocess.PIPE) as p:\n        log(p.pid)\n    return 1" in _fix(source, unsafe=True)


def test_executor_close_block_is_unsafe() -> None:
    source = (
        "from concurrent.futures import ThreadPoolExecutor\n\ndef run(f, xs):\n"
        "    ex = ThreadPoolExecutor()\n    r = list(ex.map(f, xs))\n    ex.shutdown()\n    return r\n"
    )
    finding = _only(source, "strict")
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    assert "with ThreadPoolExecutor() as ex:\n        r = list(ex.map(f, xs))\n    return r" in _fix(source, unsafe=True)


def test_sqlite_close_block_uses_closing() -> None:
    source = "import sqlite3\n\ndef q(p):\n    c = sqlite3.connect(p)\n    r = c.execute('x').fetchall()\n    c.close()\n    return r\n"
    fixed = _fix(source)
    assert "import contextlib" in fixed
    assert "with contextlib.closing(sqlite3.connect(p)) as c:\n        r = c.execute('x').fetchall()\n    return r" in fixed
    assert _codes(fixed) == []


def test_async_client_needs_async_def() -> None:
    sync = "import httpx\n\ndef get(u):\n    return httpx.AsyncClient().get(u)\n"
    assert _only(sync).fix is None
    asynchronous = "import httpx\n\nasync def get(u):\n    c = httpx.AsyncClient()\n    r = await c.get(u)\n    await c.aclose()\n    return r\n"
    finding = _only(asynchronous)
    assert finding.confidence is Confidence.MEDIUM
    assert "async with httpx.AsyncClient() as c:\n        r = await c.get(u)\n    return r" in _fix(asynchronous)


def test_extra_resources_option(tmp_path: Path) -> None:
    settings = settings_from_table(
        {"LKL302": {"extra-resources": {"mylib.connect": "close", "mylib.Pool": {"release": "stop", "with": False}}}},
        str(tmp_path),
        None,
    )
    source = "import mylib\n\ndef f():\n    c = mylib.connect()\n    c.query()\n\ndef g():\n    p = mylib.Pool()\n    p.run()\n    p.stop()\n"
    analysis = analyze_source(source, "x.py", all_rules(), settings.rule_settings())
    found = [(f.line, f.code, f.confidence) for f in analysis.result.findings]
    assert found == [(4, "LKL302", Confidence.HIGH), (8, "LKL302", Confidence.MEDIUM)]
    assert _codes(source) == []  # not catalogued by default
    # `with` does not release it and `contextlib.closing` would call close(), not stop(): no fix
    assert [finding.line for finding, _ in analysis.fixes] == [4]


def test_bad_option_values_do_not_crash() -> None:
    source = "import mylib\nc = mylib.connect()\n"
    analysis = analyze_source(source, "x.py", all_rules(), {"LKL302": {"extra-resources": {"mylib.connect": 3, "": "x"}}})
    assert analysis.result.findings == []


def test_aliases_and_shadowing() -> None:
    assert _codes("from io import open as o\n\ndef f(p):\n    return o(p).read()\n") == ["LKL301"]
    assert _codes("import gzip as gz\n\ndef f(p):\n    return gz.open(p).read()\n") == ["LKL301"]
    assert _codes("def open(p):\n    return p\n\ndef f(p):\n    return open(p).read()\n") == []
    assert _codes("def f(open, p):\n    return open(p).read()\n") == []


def test_unknown_callee_gets_no_fix_and_wrapper_gets_none() -> None:
    # An unknown callable may keep what it is given (a logger, a background transfer): closing
    # the file after the call could break it, so there is no fix, and the suggestion says why.
    unknown = _only("def load(path, yaml):\n    data = yaml.safe_load(open(path))\n    return data\n")
    assert unknown.fix is None
    assert "not known to close it" in unknown.message
    assert "`yaml.safe_load()`, which leaklint does not know" in unknown.suggestion
    known = _only("import json\n\ndef load(path):\n    return json.load(open(path))\n")
    assert known.fix is not None and known.fix.safety is FixSafety.SAFE
    assert "which does not close it" in known.message
    wrapper = _only("import zipfile\n\ndef names(path):\n    return zipfile.ZipFile(open(path, 'rb'))\n")
    assert wrapper.fix is None  # closing the file under the returned ZipFile would break it


def test_popen_without_pipes_is_only_a_child_to_reap() -> None:
    dropped = _only("import subprocess\n\ndef launch(cmd):\n    subprocess.Popen(cmd)\n")
    assert dropped.confidence is Confidence.MEDIUM and "zombie" in dropped.message and dropped.fix is None
    assert _codes("import subprocess\n\ndef launch(cmd):\n    subprocess.Popen(cmd, start_new_session=True)\n") == []
    assert _codes("import subprocess\n\ndef launch(cmd):\n    p = subprocess.Popen(cmd)\n    return p.poll() is None\n") == []
    assert _codes("import subprocess\n\nsubprocess.Popen(['notify-send', 'hi'])\n") == []
    # no exception-path verdicts for it: nothing of the parent's leaks while it runs
    assert _codes("import subprocess\n\ndef run(cmd, log):\n    p = subprocess.Popen(cmd)\n    log(p.args)\n    p.wait()\n") == []
    assert _codes("import subprocess\n\ndef launch(cmd):\n    subprocess.Popen(cmd, stdout=subprocess.PIPE)\n") == ["LKL302"]


def test_derived_value_passed_on_keeps_the_safe_fix() -> None:
    finding = _only("def run(path, scope):\n    exec(open(path).read(), scope)\n")
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE


def test_temporary_directory_gets_no_with_fix() -> None:
    finding = _only("import tempfile\n\ndef f():\n    tmp = tempfile.TemporaryDirectory()\n    return tmp.name + '/x'\n")
    assert finding.fix is None and "binds the path" in finding.suggestion


def test_partial_suggestion_uses_the_fresh_name() -> None:
    finding = _only("def load(path, f):\n    return f(open(path).read())\n")
    assert "as f2:" in finding.suggestion


def test_extra_resources_from_pyproject(tmp_path: Path) -> None:
    from leaklint.config import load_settings
    from leaklint.runner import lint_paths

    (tmp_path / "pyproject.toml").write_text('[tool.leaklint.LKL302]\nextra-resources = {"mylib.connect" = "close"}\n')
    (tmp_path / "m.py").write_text("import mylib\n\ndef f():\n    c = mylib.connect()\n    c.query()\n")
    report = lint_paths([str(tmp_path / "m.py")], load_settings(tmp_path))
    assert [(f.code, f.line) for f in report.findings] == [("LKL302", 4)]


def test_raw_descriptor_passed_on_gets_a_close_suggestion_not_with() -> None:
    finding = _only("import os\n\ndef redirect():\n    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)\n")
    assert finding.code == "LKL301"
    assert "with os.open" not in finding.suggestion and "os.close(fd)" in finding.suggestion
    assert "garbage-collected" not in finding.message


_SET_UP_THEN_RETURN = (
    "import sqlite3\n\n"
    "def open_board(path, schema):\n"
    "    conn = sqlite3.connect(path)\n"
    "    conn.execute(schema)\n"
    "    return conn\n"
)


class _FakeConnection:
    def __init__(self) -> None:
        self.closed = False

    def execute(self, statement: str) -> None:
        if statement == "bad":
            raise ValueError(statement)

    def close(self) -> None:
        self.closed = True


def test_returned_resource_fix_closes_only_when_the_set_up_raises() -> None:
    finding = _only(_SET_UP_THEN_RETURN)
    assert finding.code == "LKL302" and finding.confidence is Confidence.MEDIUM
    assert "returned to the caller, but not closed if line 5 raises" in finding.message
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE
    fixed = _fix(_SET_UP_THEN_RETURN)
    assert "    try:\n        conn.execute(schema)\n    except BaseException:\n        conn.close()\n        raise\n    return conn\n" in fixed
    assert _codes(fixed) == []
    made: List[_FakeConnection] = []

    class FakeSqlite:
        @staticmethod
        def connect(path: str) -> _FakeConnection:
            made.append(_FakeConnection())
            return made[-1]

    namespace: dict = {}
    exec(compile(fixed, "fixed.py", "exec"), namespace)
    namespace["sqlite3"] = FakeSqlite
    assert namespace["open_board"](":memory:", "good") is made[-1] and not made[-1].closed  # normal path unchanged
    try:
        namespace["open_board"](":memory:", "bad")
    except ValueError:
        pass
    assert made[-1].closed  # the failing path now releases it


def test_returned_resource_with_an_escaping_cursor_gets_no_fix() -> None:
    source = (
        "import sqlite3\n\nCURSORS = {}\n\ndef open_board(path):\n    conn = sqlite3.connect(path)\n"
        "    CURSORS[path] = conn.cursor()\n    conn.execute('select 1')\n    return conn\n"
    )
    finding = _only(source)
    assert finding.fix is None and "no automatic fix" in finding.suggestion and "CURSORS[path]" in finding.suggestion
    # handed to code leaklint does not know: it may own it now, so there is no finding at all
    unknown = "import sqlite3\n\ndef open_board(path):\n    conn = sqlite3.connect(path)\n    migrate(conn)\n    return conn\n"
    assert _codes(unknown) == []


def test_inline_and_named_hand_over_to_a_borrowing_function_get_the_same_safe_fix() -> None:
    helper = "def start_logging(stream):\n    stream.write('start')\n\n"
    inline = _only(helper + "def log(p):\n    start_logging(open(p, 'a'))\n")
    named = _only(helper + "def log(p):\n    f = open(p, 'a')\n    start_logging(f)\n")
    for finding in (inline, named):
        assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE, finding
    expected = helper + "def log(p):\n    with open(p, 'a') as f:\n        start_logging(f)\n"
    assert _fix(helper + "def log(p):\n    start_logging(open(p, 'a'))\n") == expected
    assert _fix(helper + "def log(p):\n    f = open(p, 'a')\n    start_logging(f)\n") == expected
    # a function that keeps what it is given owns it: no finding for either form
    keeper = "STREAMS = []\n\ndef start_logging(stream):\n    STREAMS.append(stream)\n\n"
    assert [c for c in _codes(keeper + "def log(p):\n    start_logging(open(p, 'a'))\n") if c.startswith("LKL30")] == []
    assert [c for c in _codes(keeper + "def log(p):\n    f = open(p, 'a')\n    start_logging(f)\n") if c.startswith("LKL30")] == []
