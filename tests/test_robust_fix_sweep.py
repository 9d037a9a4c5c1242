"""Fix sweep on a temporary copy of part of the standard library: `--diff` writes nothing and
names the files `--fix --unsafe-fixes` then changes; every changed file compiles; a second run
changes nothing; every other file (Python or not) is byte-for-byte untouched, modes are kept and
no file appears or disappears.

The subset (about 45,000 lines) is where leak rules fire: the packages json, email, lib2to3
(with its Python 2 test data, which must stay untouched) and concurrent, plus top-level modules
that handle files, sockets, processes and threads. Applying fixes costs 1-3 s per 1,000 lines of
a fixed file (libcst's transformer and AddImportsVisitor), so the whole stdlib would take many
minutes once fixable rules exist; the read-only sweep in test_robust_sweep.py covers all of it.

Two runs of the procedure: the real CLI in a subprocess with the registered rules (few fixes
until the fixable rules merge: it then checks those for free), and the CLI in-process with a
test-only rule that has an unsafe fix with an import on every `open(...)` call, so the write path
is exercised on real code today.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import sysconfig
from pathlib import Path
from typing import Callable, Dict, List, Sequence, Set, Tuple

import libcst as cst
import pytest

from robust_helpers import Run, cpython_rejects, isolated_config, run_in_process, run_subprocess

pytestmark = pytest.mark.slow

# For the registered rules (analysis is cheap, fixes cost about 1-3 s per 1,000 lines of a
# fixed file, mostly libcst's transformer and AddImportsVisitor): about 45,000 lines.
PACKAGES = ("json", "email", "lib2to3", "concurrent")
MODULES = (
    "subprocess.py", "tempfile.py", "shutil.py", "socketserver.py", "threading.py", "gzip.py", "ftplib.py",
    "smtplib.py", "weakref.py", "selectors.py", "mimetypes.py", "netrc.py", "filecmp.py", "trace.py",
)
# For the test rule, which fixes every `open(...)`: files with a few of them, plus lib2to3's
# Python 2 test data (LKL001: must stay untouched). About 10 s of fixing per run.
TEST_RULE_PACKAGES = ("json", "lib2to3/tests/data")
TEST_RULE_MODULES = ("gzip.py", "mimetypes.py", "netrc.py", "filecmp.py", "imghdr.py", "sndhdr.py", "trace.py")
DIFF_HEADER = re.compile(r"^--- a/(?P<path>.+)$", re.MULTILINE)
STATS: Dict[str, int] = {}


def _copy_subset(destination: Path, packages: Sequence[str] = PACKAGES, modules: Sequence[str] = MODULES) -> Path:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    tree = destination / "stdlib"
    tree.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for package in packages:
        if (stdlib / package).is_dir():
            shutil.copytree(stdlib / package, tree / package, ignore=ignore, symlinks=True)
    for module in modules:
        if (stdlib / module).is_file():
            shutil.copy2(stdlib / module, tree / module)
    return tree


def _snapshot(tree: Path) -> Dict[str, Tuple[str, int]]:
    """Every file under ``tree``: relative path -> (sha256, mode bits)."""
    snapshot = {}
    for folder, _, names in os.walk(tree):
        for name in names:
            path = Path(folder) / name
            info = path.lstat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.S_ISREG(info.st_mode) else "special"
            snapshot[path.relative_to(tree).as_posix()] = (digest, stat.S_IMODE(info.st_mode))
    return snapshot


def _fix_sweep(tree: Path, cli: Callable[[List[str]], Run]) -> Dict[str, int]:
    before = _snapshot(tree)
    diff = cli(["--diff", "--unsafe-fixes", "."])
    assert "Traceback" not in diff.err and diff.code in (0, 1), diff.err[-2000:]
    assert _snapshot(tree) == before, "--diff wrote something"
    announced: Set[str] = {match["path"] for match in DIFF_HEADER.finditer(diff.out)}

    fixed = cli(["--fix", "--unsafe-fixes", "."])
    assert "Traceback" not in fixed.err and fixed.code in (0, 1), fixed.err[-2000:]
    assert "LKL002" not in {code for *_, code, _ in fixed.findings()}
    after = _snapshot(tree)
    assert set(after) == set(before), "no file may appear (temporary files) or disappear"
    changed = {path for path in before if after[path][0] != before[path][0]}
    assert changed == announced, (sorted(changed ^ announced))[:20]
    assert all(path.endswith((".py", ".pyi")) for path in changed)
    assert all(after[path][1] == before[path][1] for path in before), "mode bits are kept"
    assert not cpython_rejects([str(tree / path) for path in sorted(changed)]), "every fixed file compiles"
    for path in changed:
        original = (tree / path).read_bytes()
        assert cst.parse_module(original).bytes == original

    again = cli(["--fix", "--unsafe-fixes", "."])
    assert "Traceback" not in again.err and again.code in (0, 1)
    assert _snapshot(tree) == after, "a second run changes nothing"
    assert not cli(["--diff", "--unsafe-fixes", "."]).out.strip(), "nothing left to fix"
    return {"files": sum(1 for p in before if p.endswith(".py")), "changed": len(changed)}


def test_fix_sweep_with_the_registered_rules(tmp_path: Path) -> None:
    tree = _copy_subset(tmp_path)
    config = isolated_config(tmp_path)

    def cli(args: List[str]) -> Run:
        return run_subprocess(["check", "--format", "concise", "--config", str(config), *args], tree, timeout=1800)

    figures = _fix_sweep(tree, cli)
    print(f"\nleaklint fix sweep figures (registered rules): {figures}")


def _test_rule():  # type: ignore[no-untyped-def]
    from leaklint.rule import Edit, Fix, FixSafety, ImportSpec, Rule

    class UseIoOpen(Rule):
        """Test-only: `open(...)` becomes `io.open(...)`, an unsafe fix that needs `import io`."""

        code = "LKL996"
        name = "test-use-io-open"
        message = "test"
        fix_safety = FixSafety.UNSAFE

        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name) and node.func.value == "open":
                replacement = node.with_changes(func=cst.Attribute(cst.Name("io"), cst.Name("open")))
                fix = Fix((Edit(node, replacement),), FixSafety.UNSAFE, (ImportSpec("io"),))
                self.report(node, "open", suggestion="use io.open", fix=fix)

    return UseIoOpen


def test_fix_sweep_with_a_fixable_test_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leaklint.config
    import leaklint.registry

    registered = leaklint.registry.all_rules()
    rule = _test_rule()
    monkeypatch.setattr(leaklint.registry, "all_rules", lambda: (*registered, rule))
    leaklint.config._select.cache_clear()
    try:
        tree = _copy_subset(tmp_path, TEST_RULE_PACKAGES, TEST_RULE_MODULES)
        config = isolated_config(tmp_path)

        def cli(args: List[str]) -> Run:
            return run_in_process(["--config", str(config), *args], tree, capsys, monkeypatch)

        calls_before = sum(p.read_bytes().count(b"io.open(") for p in tree.rglob("*.py"))
        figures = _fix_sweep(tree, cli)
        figures["fixes"] = sum(p.read_bytes().count(b"io.open(") for p in tree.rglob("*.py")) - calls_before
    finally:
        leaklint.config._select.cache_clear()
    assert figures["changed"] >= 5, "the test rule fixes real files"
    print(f"\nleaklint fix sweep figures (test rule LKL996): {figures}")
