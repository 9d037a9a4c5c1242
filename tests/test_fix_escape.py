"""Fixes that never break code: the probe shapes of issue 19 as regression tests.

Each shape once got a `with` fix that closed a resource while something derived from it was
still in use. Now each gets either no fix, with a suggestion that says why, or a fix that keeps
behaviour (the near-miss twins below; tests/oracle runs such programs before and after fixing).
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

import libcst as cst
import pytest

from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.fixes.loop import fix_source
from leaklint.registry import all_rules
from leaklint.rule import Finding, FixSafety


def _findings(source: str, code: str) -> List[Finding]:
    return [f for f in lint_source(source, "probe.py") if f.code == code]


def _fixed(source: str, unsafe: bool) -> str:
    outcome = fix_source(source, "probe.py", all_rules(), {}, unsafe=unsafe)
    assert not outcome.problems
    cst.parse_module(outcome.source)
    return str(outcome.source)


# (source, rule, text the suggestion must contain)
ESCAPING: Dict[str, Tuple[str, str, Optional[str]]] = {
    "map": ("def lines(path):\n    f = open(path)\n    return map(str.strip, f)\n", "LKL301", "`map(str.strip, f)` is returned"),
    "generator": ("def lines(path):\n    f = open(path)\n    return (l for l in f)\n", "LKL301", "`(l for l in f)` is returned"),
    "iter": ("def lines(path):\n    f = open(path)\n    return iter(f)\n", "LKL301", "`iter(f)` is returned"),
    "enumerate": ("def lines(path):\n    f = open(path)\n    return enumerate(f)\n", "LKL301", "`enumerate(f)` is returned"),
    "filter": ("def lines(path):\n    f = open(path)\n    return filter(None, f)\n", "LKL301", "`filter(None, f)` is returned"),
    "zip": ("def pairs(r, path):\n    f = open(path)\n    return zip(r, f)\n", "LKL301", "`zip(r, f)` is returned"),
    "csv-reader": (
        "import csv\n\ndef rows(path):\n    f = open(path, newline='')\n    return csv.reader(f)\n",
        "LKL301",
        "`csv.reader(f)` is returned",
    ),
    "tuple-with-generator": (
        "def lines(path):\n    f = open(path)\n    return path, (l.strip() for l in f)\n",
        "LKL301",
        "is returned and still uses `f`",
    ),
    "sqlite-execute": (
        "import sqlite3\n\ndef query(p):\n    conn = sqlite3.connect(p)\n    return conn.execute('select 1')\n",
        "LKL302",
        "`conn.execute('select 1')` is returned",
    ),
    "sqlite-cursor": (
        "import sqlite3\n\ndef cursor(p):\n    conn = sqlite3.connect(p)\n    return conn.cursor()\n",
        "LKL302",
        "`conn.cursor()` is returned",
    ),
    "sqlite-iter-cursor": (
        "import sqlite3\n\ndef rows(p):\n    conn = sqlite3.connect(p)\n    cur = conn.execute('select 1')\n    return iter(cur)\n",
        "LKL302",
        "`iter(cur)` is returned",
    ),
    "tarfile-inline": (
        "import tarfile\n\ndef member(p, n):\n    return tarfile.open(p).extractfile(n)\n",
        "LKL301",
        "`tarfile.open(p).extractfile(n)` is returned",
    ),
    "tarfile-name": (
        "import tarfile\n\ndef member(p, n):\n    t = tarfile.open(p)\n    return t.extractfile(n)\n",
        "LKL301",
        "`t.extractfile(n)` is returned",
    ),
    "selector-map": (
        "import selectors\n\ndef keys(s):\n    sel = selectors.DefaultSelector()\n    sel.register(s, selectors.EVENT_READ)\n    return sel.get_map()\n",
        "LKL302",
        "`sel.get_map()` is returned",
    ),
    "mmap-into-wrapper": (
        "import mmap\n\ndef load(f, Wrapper):\n    return Wrapper(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))\n",
        "LKL302",
        None,  # taken over by the unknown wrapper: not reported (and never fixed)
    ),
    "mmap-into-wrapper-kept": (
        "import mmap\n\ndef load(f, Wrapper):\n    wrapped = Wrapper(mmap.mmap(f.fileno(), 0))\n    print(wrapped)\n",
        "LKL302",
        None,
    ),
    "generator-kept-in-name-at-end": (
        "def lines(path):\n    f = open(path)\n    it = (l for l in f)\n    return it\n",
        "LKL301",
        "`it` is returned",
    ),
    "yielded-iterator": (
        "def lines(path):\n    f = open(path)\n    yield iter(f)\n",
        "LKL301",
        "is yielded",
    ),
    "stored-on-object": (
        "def attach(obj, path):\n    f = open(path)\n    obj.lines = iter(f)\n",
        "LKL301",
        "stored in `obj.lines`",
    ),
    "closure": ("def reader(path):\n    f = open(path)\n    read = lambda: f.read()\n    return read\n", "LKL301", None),
    "nested-def": (
        "def reader(path):\n    f = open(path)\n    def read():\n        return f.read()\n    print(read())\n",
        "LKL301",
        None,
    ),
    "bound-method-returned": ("def reader(path):\n    f = open(path)\n    return f.readline\n", "LKL301", None),
    # real code: a long-lived logger, an asynchronous transfer, a socket connected later
    "long-lived-logger": ("def setup(p, start_logging):\n    start_logging(open(p, 'a'))\n", "LKL301", "handed to `start_logging()`"),
    "asynchronous-transfer": (
        "def upload(p, client):\n    client.start_upload(open(p, 'rb'))\n",
        "LKL301",
        "handed to `client.start_upload()`",
    ),
    "socket-connected-in-a-thread": (
        "import socket, threading\n\ndef probe(host):\n    s = socket.socket()\n    s.settimeout(1)\n"
        "    threading.Thread(target=s.connect, args=((host, 80),), daemon=True).start()\n",
        "LKL302",
        "asynchronous work (`threading.Thread()`)",
    ),
    "socket-submitted": (
        "import socket\n\ndef probe(pool, host):\n    s = socket.socket()\n    pool.submit(s.connect, (host, 80))\n",
        "LKL302",
        "asynchronous work (`pool.submit()`)",
    ),
    "streamed-response": (
        "import requests\n\ndef fetch(u):\n    s = requests.Session()\n    r = s.get(u, stream=True)\n    return r.iter_content(10)\n",
        "LKL302",
        "`r.iter_content(10)` is returned",
    ),
    "with-sqlite-cursor-used-after": (
        "import sqlite3\n\ndef rows(p):\n    with sqlite3.connect(p) as conn:\n        cur = conn.execute('select 1')\n"
        "    return cur.fetchall()\n",
        "LKL302",
        "`cur` is used after the block",
    ),
    "with-sqlite-cursor-returned": (
        "import sqlite3\n\ndef rows(p):\n    with sqlite3.connect(p) as conn:\n        return conn.execute('select 1')\n",
        "LKL302",
        "is returned",
    ),
}


@pytest.mark.parametrize("shape", sorted(ESCAPING))
def test_escaping_value_gets_no_fix_and_a_reason(shape: str) -> None:
    source, code, reason = ESCAPING[shape]
    findings = _findings(source, code)
    if reason is None:  # detection sees the value as handed over: then there must be no fix either
        assert all(f.fix is None for f in findings)
        assert _fixed(source, unsafe=True) == source
        return
    assert len(findings) == 1, findings
    finding = findings[0]
    assert finding.fix is None, shape
    assert reason in finding.suggestion, finding.suggestion
    assert "no automatic fix" in finding.suggestion
    assert _fixed(source, unsafe=True) == source


# Near misses: the derived value is consumed inside the block, so the fix is safe.
FIXABLE = {
    "list-of-map": (
        "def lines(path):\n    f = open(path)\n    return list(map(str.strip, f))\n",
        "    with open(path) as f:\n        return list(map(str.strip, f))\n",
    ),
    "read": ("def text(path):\n    f = open(path)\n    return f.read()\n", "    with open(path) as f:\n        return f.read()\n"),
    "sum-of-generator": (
        "def count(path):\n    f = open(path)\n    return sum(1 for _ in f)\n",
        "    with open(path) as f:\n        return sum(1 for _ in f)\n",
    ),
    "fetchall": (
        "import sqlite3\n\ndef rows(p):\n    conn = sqlite3.connect(p)\n    return conn.execute('select 1').fetchall()\n",
        "    with contextlib.closing(sqlite3.connect(p)) as conn:\n        return conn.execute('select 1').fetchall()\n",
    ),
    "tar-names": (
        "import tarfile\n\ndef names(p):\n    return tarfile.open(p).getnames()\n",
        "    with tarfile.open(p) as f:\n        return f.getnames()\n",
    ),
    "cursor-consumed": (
        "import sqlite3\n\ndef rows(p):\n    conn = sqlite3.connect(p)\n    cur = conn.cursor()\n    cur.execute('select 1')\n    return cur.fetchall()\n",
        "    with contextlib.closing(sqlite3.connect(p)) as conn:\n        cur = conn.cursor()\n        cur.execute('select 1')\n        return cur.fetchall()\n",
    ),
    "session-response-json": (
        "import requests\n\ndef fetch(u):\n    s = requests.Session()\n    r = s.get(u)\n    return r.json()\n",
        "    with requests.Session() as s:\n        r = s.get(u)\n        return r.json()\n",
    ),
    "name-of-file": (
        "def name(path):\n    f = open(path)\n    return f.name\n",
        "    with open(path) as f:\n        return f.name\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(FIXABLE))
def test_consumed_value_keeps_its_safe_fix(shape: str) -> None:
    source, expected = FIXABLE[shape]
    finding = lint_source(source, "probe.py")[0]
    assert finding.fix is not None and finding.fix.safety is FixSafety.SAFE
    assert expected in _fixed(source, unsafe=False)


def test_socketpair_is_one_finding_without_a_with_on_the_tuple() -> None:
    findings = _findings("import socket\n\ndef pair():\n    a, b = socket.socketpair()\n    return 1\n", "LKL302")
    assert len(findings) == 1
    assert "with socket.socketpair() as" not in findings[0].suggestion
    assert "`with a, b:`" in findings[0].suggestion and "returns a tuple" in findings[0].suggestion
    assert findings[0].fix is None


def test_socketpair_closed_only_on_the_normal_path_gets_no_with_on_the_tuple() -> None:
    source = "import socket\n\ndef f():\n    a, b = socket.socketpair()\n    b.sendall(b'x')\n    a.close()\n    b.close()\n"
    assert not _findings(source, "LKL302")  # sockets close themselves when collected: low
    findings = [f for f in lint_source(source, "probe.py", settings=with_overrides(Settings(), profile="strict")) if f.code == "LKL302"]
    assert len(findings) == 1 and findings[0].fix is None
    assert "as a, b" not in findings[0].suggestion and "`with a, b:`" in findings[0].suggestion
    discarded = _findings("import socket\n\ndef f():\n    socket.socketpair()\n", "LKL302")
    assert len(discarded) == 1 and "file descriptor" not in discarded[0].message


def test_mkstemp_suggests_os_close_not_with() -> None:
    findings = _findings("import tempfile\n\ndef f():\n    fd, path = tempfile.mkstemp()\n    return path\n", "LKL301")
    assert len(findings) == 1 and "os.close(fd)" in findings[0].suggestion
    assert "with tempfile.mkstemp" not in findings[0].suggestion


# -- name hygiene for added imports -------------------------------------------------------------


def test_parameter_named_contextlib_is_not_used_as_the_module() -> None:
    source = "import sqlite3\n\ndef q(p, contextlib):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    fixed = _fixed(source, unsafe=False)
    assert "from contextlib import closing\n" in fixed
    assert "    with closing(sqlite3.connect(p)) as conn:\n" in fixed


def test_alias_named_contextlib_is_not_rebound() -> None:
    source = "import sqlite3\nimport os as contextlib\n\ndef q(p):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    fixed = _fixed(source, unsafe=False)
    assert "import os as contextlib\n" in fixed and "\nimport contextlib\n" not in fixed
    assert "with closing(sqlite3.connect(p)) as conn:" in fixed


def test_global_named_contextlib_counts_as_taken() -> None:
    source = (
        "import sqlite3\n\ndef setup():\n    global contextlib\n    contextlib = 1\n\n"
        "def q(p):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    )
    assert "with closing(sqlite3.connect(p)) as conn:" in _fixed(source, unsafe=False)


def test_existing_imports_are_reused() -> None:
    aliased = "import sqlite3\nimport contextlib as cl\n\ndef q(p):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    assert "with cl.closing(sqlite3.connect(p)) as conn:" in _fixed(aliased, unsafe=False)
    direct = "import sqlite3\nfrom contextlib import closing\n\ndef q(p):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    fixed = _fixed(direct, unsafe=False)
    assert "with closing(sqlite3.connect(p)) as conn:" in fixed and fixed.count("import") == 2


def test_both_names_taken_means_no_fix_and_says_why() -> None:
    source = "import sqlite3\n\ndef q(p, contextlib, closing):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    finding = _findings(source, "LKL302")[0]
    assert finding.fix is None and "`contextlib` and `closing` both mean something else" in finding.suggestion


def test_added_import_goes_where_isort_puts_it() -> None:
    source = (
        '"""Doc."""\nfrom __future__ import annotations\n\nimport os\nimport sqlite3\nfrom typing import Any\n\n'
        "import requests\n\n\ndef q(p):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    )
    fixed = _fixed(source, unsafe=False)
    assert fixed.startswith(
        '"""Doc."""\nfrom __future__ import annotations\n\nimport contextlib\nimport os\nimport sqlite3\nfrom typing import Any\n\nimport requests\n'
    )
    third_party_only = "import requests\nimport sqlite3 as db\n\ndef q(p):\n    conn = db.connect(p)\n    conn.execute('x')\n"
    assert _fixed(third_party_only, unsafe=False).startswith("import requests\nimport contextlib\nimport sqlite3 as db\n")
    after_requests = "import requests\n\ndef q(p):\n    import sqlite3\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n"
    assert _fixed(after_requests, unsafe=False).startswith("import contextlib\n\nimport requests\n")


def test_two_fixes_share_one_added_import() -> None:
    source = (
        "import sqlite3\n\ndef q(p):\n    conn = sqlite3.connect(p)\n    conn.execute('x')\n\n"
        "def r(p):\n    conn = sqlite3.connect(p)\n    conn.execute('y')\n"
    )
    fixed = _fixed(source, unsafe=False)
    assert fixed.count("import contextlib") == 1 and fixed.count("contextlib.closing(") == 2


def test_import_placement_edge_cases() -> None:
    from leaklint.fixes.imports import insertion_edit

    line = cst.parse_statement("import contextlib\n")
    assert isinstance(line, cst.SimpleStatementLine)
    assert insertion_edit(cst.parse_module('"""Doc."""\nx = 1\n'), line, "contextlib", plain=True) is None
    assert insertion_edit(cst.parse_module("from __future__ import annotations\nx = 1\n"), line, "contextlib", plain=True) is None
    module = cst.parse_module("import zlib\nfrom abc import ABC\n")
    edit = insertion_edit(module, line, "contextlib", plain=True)
    assert edit is not None and edit.node is module.body[0]  # `import x` lines sort before `from` lines
    assert isinstance(edit.replacement, cst.FlattenSentinel)
    first, second = edit.replacement.nodes
    assert cst.Module([first]).code == "import contextlib\n" and cst.Module([second]).code == "import zlib\n"


def test_no_imports_at_all_still_gets_the_import() -> None:
    fixed = _fixed('"""Doc."""\nimport sqlite3 as db\n\nconn = db.connect("x.db")\nconn.execute("select 1")\n', unsafe=False)
    assert "import contextlib" in fixed and "with contextlib.closing(db.connect(\"x.db\")) as conn:" in fixed
    bare = _fixed('def q(p):\n    import sqlite3\n    conn = sqlite3.connect(p)\n    conn.execute("x")\n', unsafe=False)
    assert bare.startswith("import contextlib\n") and "with contextlib.closing(sqlite3.connect(p)) as conn:" in bare
