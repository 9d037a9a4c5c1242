"""Hostile files and paths: each gives the expected finding or error line and exit code, never a
traceback, and the other files of the run are still reported."""

from __future__ import annotations

import builtins
import os
import socket
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import pytest

from robust_helpers import LEAK, cpython_rejects, run_in_process, run_subprocess, write_bytes

LEAK_B = LEAK.encode()
SYNTAX = "cannot parse this file: "


# name, content, expected (code, line, column or None, message substring); exit code follows.
CASES: List[Tuple[str, bytes, List[Tuple[str, int, Optional[int], str]]]] = [
    ("invalid_utf8.py", b'a = 1\nx = "\xff"\n', [("LKL001", 2, 1, "cannot decode the file")]),
    (
        "latin1_cookie.py",
        '# -*- coding: latin-1 -*-\ns = "é"; X = [0] * 10 ** 12\n'.encode("latin-1"),
        [("LKL501", 2, 14, "builds a list")],  # columns count code points, not bytes
    ),
    ("bom.py", b"\xef\xbb\xbf" + LEAK_B, [("LKL501", 1, 5, "builds a list")]),
    ("crlf.py", b"a = 1\r\n" + LEAK_B.replace(b"\n", b"\r\n"), [("LKL501", 2, 5, "builds a list")]),
    ("lone_cr.py", b"a = 1\r" + LEAK_B.replace(b"\n", b"\r"), [("LKL501", 2, 5, "builds a list")]),
    ("form_feed_line.py", b"a = 1\n\x0c\n" + LEAK_B, [("LKL501", 3, 5, "builds a list")]),
    # libcst drops this form feed; the column is still the file's.
    ("form_feed_start.py", b"\x0c" + LEAK_B, [("LKL501", 1, 6, "builds a list")]),
    ("tabs_ok.py", b"if 1:\n\tX = [0] * 10 ** 12\n", [("LKL501", 2, 6, "builds a list")]),
    (
        "tabs_mixed.py",
        b"if 1:\n\tx = 1\n        y = 2\n",
        [("LKL001", 3, None, "inconsistent use of tabs and spaces")],
    ),
    ("nul.py", b"x = 1\x00\n" + LEAK_B, [("LKL001", 1, None, "null bytes")]),
    ("empty.py", b"", []),
    ("only_comment_no_newline.py", b"# nothing", []),
    ("only_newlines.py", b"\n\n\r\n\r", []),
    ("last_byte_paren.py", b"x = 1\ny = (", [("LKL001", 2, None, "was never closed")]),
    ("last_byte_operator.py", b"x = 1\ny = 1 +", [("LKL001", 2, None, "invalid syntax")]),
    # Found by hypothesmith: CPython 3.11 accepts a backslash continuation before EOF after CRLF,
    # libcst does not. LKL001 says it is leaklint's limit, never a crash.
    ("continuation_at_eof.py", b"x = 1\r\n\\\r\n", [("LKL004", 1, None, "libcst, leaklint's parser, cannot parse it")]),
    ("python2.py", b'print "hello"\nexec "x = 1"\n', [("LKL001", 1, None, "Missing parentheses")]),
    ("python2_except.py", b"try:\n    pass\nexcept Exception, e:\n    pass\n", [("LKL001", 3, None, "")]),
    (
        "match_statement.py",
        b"match command:\n    case [1, *rest]:\n        X = [0] * 10 ** 12\n    case _:\n        pass\n",
        [("LKL501", 3, 13, "builds a list")],
    ),
]


@pytest.mark.parametrize("name, data, expected", CASES, ids=[case[0] for case in CASES])
def test_hostile_file(
    name: str, data: bytes, expected: list, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_bytes(tmp_path, name, data)
    run = run_in_process([name], tmp_path, capsys, monkeypatch)
    found = run.findings()
    assert [(code, line) for _, line, _, code, _ in found] == [(code, line) for code, line, _, _ in expected], run.out
    for (_, _, column, code, message), (_, _, want_column, want_text) in zip(found, expected):
        assert want_text in message
        if want_column is not None:
            assert column == want_column, (code, message)
    assert run.code == (1 if expected else 0)
    assert "Traceback" not in run.err
    assert run.err.strip().splitlines()[-1].startswith(("Found", "All checks passed"))


NEWEST = [
    ("pep695_type_alias.py", b"type Pairs = list[tuple[int, int]]\n" + LEAK_B),
    ("pep695_generic_def.py", b"def first[T](items: list[T]) -> T:\n    return items[0]\n" + LEAK_B),
    ("pep695_generic_class.py", b"class Box[T]:\n    item: T\n" + LEAK_B),
    ("pep701_fstring.py", b'name = "x"\nmsg = f"{"nested"} {name!r:>{10}}"\n' + LEAK_B),
    ("pep701_fstring_backslash.py", b'lines = ["a"]\nmsg = f"{"\\n".join(lines)}"\n' + LEAK_B),
]


@pytest.mark.parametrize("name, data", NEWEST, ids=[case[0] for case in NEWEST])
def test_newest_syntax(
    name: str, data: bytes, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A syntax error for the running Python is LKL001 at CPython's location; valid code is linted
    (or, if libcst lags behind CPython, LKL004 naming libcst), never a crash or LKL002."""
    write_bytes(tmp_path, name, data)
    run = run_in_process([name], tmp_path, capsys, monkeypatch)
    codes = [code for _, _, _, code, _ in run.findings()]
    assert "LKL002" not in codes and "Traceback" not in run.err
    assert run.code == 1
    if not cpython_rejects([str(tmp_path / name)]):
        assert codes in (["LKL501"], ["LKL004"]), run.out
    else:
        assert codes == ["LKL001"], run.out
        error_line = 0
        try:
            compile(data, name, "exec")
        except SyntaxError as error:
            error_line = error.lineno or 0
        assert run.findings()[0][1] == error_line


def test_200000_line_file(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    # Mostly a data string (as in generated modules) plus real statements; the finding is on the
    # last line. Code-only lines cost about 0.1 ms each to parse and position: see docs/reliability.md.
    rows = b"".join(b"row %d\n" % i for i in range(195_000))
    statements = b"".join(b"value_%d = %d\n" % (i, i) for i in range(4_997))
    data = b'DATA = """\n' + rows + b'"""\n' + statements + LEAK_B
    assert data.count(b"\n") == 200_000
    write_bytes(tmp_path, "big.py", data)
    run = run_in_process(["big.py"], tmp_path, capsys, monkeypatch)
    assert [(line, code) for _, line, _, code, _ in run.findings()] == [(200_000, "LKL501")]
    assert run.code == 1


def _chain(kind: str, depth: int) -> bytes:
    if kind == "parens":
        return b"x = " + b"(" * depth + b"1" + b")" * depth + b"\n"
    if kind == "lists":
        return b"x = " + b"[" * depth + b"]" * depth + b"\n"
    if kind == "attributes":
        return b"x = a" + b".b" * depth + b"\n"
    if kind == "calls":
        return b"x = f" + b"()" * depth + b"\n"
    if kind == "operators":
        return b"x = " + b" + ".join([b"1"] * depth) + b"\n"
    if kind == "unary":
        return b"x = " + b"-" * depth + b"1\n"
    raise AssertionError(kind)


def test_deep_nesting_never_kills_the_process(tmp_path: Path) -> None:
    """Nesting 1,000, 3,000 and 20,000 deep, all in ONE run (a subprocess, so a SIGSEGV would
    show): every file gets a verdict and the leaky file after them in the run is still reported.

    libcst's native parser overflows the C stack at about 1,500 levels (docs/reliability.md); the engine
    asks CPython first, at CPython's default recursion limit, and passes only what CPython
    accepts (up to about 3,000 levels of operator chains, 200 of brackets).
    """
    names = []
    for kind in ("parens", "lists", "attributes", "calls", "operators", "unary"):
        for depth in (1_000, 3_000, 20_000):
            name = f"deep_{kind}_{depth}.py"
            write_bytes(tmp_path, name, _chain(kind, depth))
            names.append(name)
    write_bytes(tmp_path, "zz_leak.py", LEAK_B)
    run = run_subprocess(["check", "--format", "concise", "--jobs", "1", *names, "zz_leak.py"], tmp_path, timeout=300)
    assert run.code == 1, (run.code, run.err[-2000:])
    assert "Traceback" not in run.err
    verdicts = {path: (code, message) for path, _, _, code, message in run.findings()}
    assert verdicts.pop("zz_leak.py")[0] == "LKL501"
    rejected = set(cpython_rejects([str(tmp_path / name) for name in names]))
    for name in names:
        if str(tmp_path / name) not in rejected:
            assert name not in verdicts, f"{name}: valid code, no finding expected: {verdicts.get(name)}"
        else:
            code, message = verdicts[name]
            assert code == "LKL001", (name, message)
            assert "nested" in message or "parenthes" in message, (name, message)
    assert "file" in run.err and "checked" in run.err


def test_valid_deep_chain_is_analysed(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"y = a" + b".b" * 1_000 + b"\n" + LEAK_B
    write_bytes(tmp_path, "deep_ok.py", data)
    assert not cpython_rejects([str(tmp_path / "deep_ok.py")])
    run = run_in_process(["deep_ok.py"], tmp_path, capsys, monkeypatch)
    assert [(line, code) for _, line, _, code, _ in run.findings()] == [(2, "LKL501")]


# -- paths ----------------------------------------------------------------------------------------


def test_directory_named_like_a_module(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pkg" / "x.py").mkdir(parents=True)
    write_bytes(tmp_path, "pkg/x.py/inner.py", LEAK_B)
    write_bytes(tmp_path, "pkg/y.py", LEAK_B)
    run = run_in_process(["pkg"], tmp_path, capsys, monkeypatch)
    assert sorted(path for path, _, _, _, _ in run.findings()) == [
        os.path.join("pkg", "x.py", "inner.py"),
        os.path.join("pkg", "y.py"),
    ]
    assert run.code == 1
    run = run_in_process(["pkg/x.py"], tmp_path, capsys, monkeypatch)  # given explicitly: walked
    assert [path for path, _, _, _, _ in run.findings()] == [os.path.join("pkg", "x.py", "inner.py")]


def test_symlink_loops(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    write_bytes(tmp_path, "src/a.py", LEAK_B)
    (tmp_path / "src" / "again").symlink_to(tmp_path / "src", target_is_directory=True)
    (tmp_path / "self_loop.py").symlink_to("self_loop.py")
    (tmp_path / "src" / "dangling.py").symlink_to(tmp_path / "nowhere.py")
    run = run_in_process(["src"], tmp_path, capsys, monkeypatch)
    assert [path for path, _, _, _, _ in run.findings()] == [os.path.join("src", "a.py")], "once, despite the loop"
    assert run.code == 1
    run = run_in_process(["self_loop.py", "src/a.py"], tmp_path, capsys, monkeypatch)
    assert "leaklint: error: self_loop.py: cannot read: Too many levels of symbolic links" in run.err
    assert [path for path, _, _, _, _ in run.findings()] == [os.path.join("src", "a.py")]
    assert run.code == 2


def test_path_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    write_bytes(tmp_path, "a.py", LEAK_B)
    run = run_in_process(["missing.py", "a.py"], tmp_path, capsys, monkeypatch)
    assert "leaklint: error: missing.py: no such file or directory" in run.err
    assert [path for path, _, _, _, _ in run.findings()] == ["a.py"]
    assert run.code == 2


def test_unreadable_file(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, where chmod 000 does not stop reading: refuse the open instead."""
    write_bytes(tmp_path, "secret.py", LEAK_B)
    write_bytes(tmp_path, "a.py", LEAK_B)
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if isinstance(file, (str, os.PathLike)) and os.path.basename(os.fspath(file)) == "secret.py":
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    run = run_in_process(["."], tmp_path, capsys, monkeypatch)
    assert "leaklint: error: secret.py: cannot read: Permission denied" in run.err
    assert [path for path, _, _, _, _ in run.findings()] == ["a.py"]
    assert run.code == 2


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads a chmod 000 file anyway")
def test_unreadable_file_by_mode(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = write_bytes(tmp_path, "secret.py", LEAK_B)
    secret.chmod(0)
    run = run_in_process(["secret.py"], tmp_path, capsys, monkeypatch)
    assert "cannot read: Permission denied" in run.err and run.code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_and_socket_are_never_opened(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a FIFO blocks until a writer comes: leaklint must not even try."""
    os.mkfifo(tmp_path / "pipe.py")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.py"))
    except OSError:  # path too long for AF_UNIX on some systems
        pass
    write_bytes(tmp_path, "a.py", LEAK_B)
    try:
        run = run_in_process(["."], tmp_path, capsys, monkeypatch)  # walked: skipped silently
        assert [path for path, _, _, _, _ in run.findings()] == ["a.py"] and run.code == 1
        run = run_in_process(["pipe.py", "a.py"], tmp_path, capsys, monkeypatch)  # explicit: an error
        assert "leaklint: error: pipe.py: not a regular file or directory" in run.err
        assert run.code == 2
    finally:
        server.close()


def test_file_deleted_during_the_run(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import leaklint.cli

    write_bytes(tmp_path, "a.py", LEAK_B)
    write_bytes(tmp_path, "gone.py", LEAK_B)
    real_discover = leaklint.cli.discover

    def discover_then_delete(paths, settings, **options):  # type: ignore[no-untyped-def]
        files, problems = real_discover(paths, settings, **options)
        (tmp_path / "gone.py").unlink()
        return files, problems

    monkeypatch.setattr(leaklint.cli, "discover", discover_then_delete)
    run = run_in_process(["."], tmp_path, capsys, monkeypatch)
    assert "leaklint: error: gone.py: cannot read: No such file or directory" in run.err
    assert [path for path, _, _, _, _ in run.findings()] == ["a.py"]
    assert run.code == 2
    assert "Traceback" not in run.err


def test_file_deleted_during_a_fix_run(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import leaklint.cli

    write_bytes(tmp_path, "a.py", LEAK_B)
    write_bytes(tmp_path, "gone.py", LEAK_B)
    real_discover = leaklint.cli.discover

    def discover_then_delete(paths, settings, **options):  # type: ignore[no-untyped-def]
        files, problems = real_discover(paths, settings, **options)
        (tmp_path / "gone.py").unlink()
        return files, problems

    monkeypatch.setattr(leaklint.cli, "discover", discover_then_delete)
    run = run_in_process(["--fix", "."], tmp_path, capsys, monkeypatch)
    assert "gone.py: cannot read: No such file or directory" in run.err
    assert not (tmp_path / "gone.py").exists(), "a deleted file is never re-created"
    assert run.code == 2


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_stdin_with_hostile_bytes(tmp_path: Path) -> None:
    process = run_subprocess(["check", "--format", "concise", "-"], tmp_path)  # empty stdin
    assert process.code == 0 and "Traceback" not in process.err
