"""Helpers shared by the robustness tests (test_robust_*.py): run the CLI, read its report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

import pytest

# The canonical leaky line (LKL501): a constant that cannot fit in memory.
LEAK = "X = [0] * 10 ** 12\n"
CONCISE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<code>LKL\d{3}) (?P<message>.*)$")


@dataclass
class Run:
    code: int
    out: str
    err: str

    def findings(self) -> List[Tuple[str, int, int, str, str]]:
        """(path, line, column, code, message) of each concise output line."""
        found = []
        for line in self.out.splitlines():
            match = CONCISE.match(line)
            if match:
                found.append(
                    (match["path"], int(match["line"]), int(match["column"]), match["code"], match["message"])
                )
        return found

    def codes_by_path(self) -> List[Tuple[str, str]]:
        return sorted((path, code) for path, _, _, code, _ in self.findings())


def run_in_process(args: Sequence[str], cwd: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Run:
    """The CLI in this process (fast: no interpreter start, no libcst import)."""
    from leaklint.cli import main

    monkeypatch.chdir(cwd)
    capsys.readouterr()
    code = main(["check", "--format", "concise", "--jobs", "1", *args])
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def run_subprocess(args: Sequence[str], cwd: Path, timeout: float = 600, env: Optional[dict] = None) -> Run:
    """The CLI as users run it: a crash (SIGSEGV) shows as a negative return code."""
    process = subprocess.run(
        [sys.executable, "-m", "leaklint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    return Run(process.returncode, process.stdout, process.stderr)


def write_bytes(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def isolated_config(root: Path, extra: str = "") -> Path:
    """A pyproject.toml with an empty exclude list, so nothing is skipped by the defaults."""
    config = root / "leaklint-test-pyproject.toml"
    config.write_text("[tool.leaklint]\nexclude = []\n" + extra, encoding="utf-8")
    return config


_VERDICTS = r"""
import sys, warnings
warnings.simplefilter("ignore")
for path in sys.stdin.read().splitlines():
    try:
        with open(path, "rb") as handle:
            compile(handle.read(), path, "exec", dont_inherit=True)
    except Exception as error:  # SyntaxError, ValueError (NUL), MemoryError, RecursionError
        print(path)
"""


def cpython_rejects(paths: Sequence[str]) -> List[str]:
    """The files a fresh `python` (default recursion limit) cannot compile: the ground truth.

    A fresh process, because this one's recursion limit may have been raised (the engine does,
    and CPython <= 3.11 scales its nesting limits by it).
    """
    process = subprocess.run(
        [sys.executable, "-c", _VERDICTS], input="\n".join(paths), capture_output=True, text=True, timeout=900, check=True
    )
    return process.stdout.splitlines()


def register_rule(monkeypatch: pytest.MonkeyPatch, rule: type) -> None:
    """Make a test-only rule visible to the CLI in this process, as if it were in rules/."""
    import leaklint.config
    import leaklint.registry

    registered = leaklint.registry.all_rules()
    monkeypatch.setattr(leaklint.registry, "all_rules", lambda: (*registered, rule))
    # _select caches rule lists by selection: start empty, and leave it empty for later tests.
    leaklint.config._select.cache_clear()
    monkeypatch.setattr(leaklint.config, "_select", _uncached(leaklint.config._select))


def _uncached(cached):  # type: ignore[no-untyped-def]
    def select(*args):  # type: ignore[no-untyped-def]
        cached.cache_clear()
        return cached.__wrapped__(*args)

    return select


def make_fixable_rule() -> type:
    """A test-only rule: `leak` becomes `weakref.ref(kept)`, a safe fix that needs an import."""
    import libcst as cst

    from leaklint.rule import Edit, Fix, FixSafety, ImportSpec, Rule

    class RenameLeak(Rule):
        """Renames `leak` (a test rule, not registered)."""

        code = "LKL997"
        name = "test-rename-leak"
        message = "test"
        fix_safety = FixSafety.SAFE

        def visit_Name(self, node: cst.Name) -> None:
            if node.value == "leak":
                replacement = cst.parse_expression("weakref.ref(kept)")
                fix = Fix((Edit(node, replacement),), FixSafety.SAFE, (ImportSpec("weakref"),))
                self.report(node, "leak", suggestion="use a weakref", fix=fix)

    return RenameLeak


# Valid Python (for this CPython) that libcst 1.x cannot parse: leaklint reports LKL004 saying
# so. Each is (regex, why); the sweep and fuzz tests accept LKL004 on valid code only for these.
KNOWN_LIBCST_GAPS = [
    (re.compile(r"^\s*\(\s*\w+\s*\)\s*:", re.MULTILINE), "a parenthesized annotated-assignment target: `(x): int = 1`"),
    # CPython 3.11 accepts a trailing backslash continuation before EOF after CRLF (not after LF).
    (re.compile(r"\\\r\n\s*\Z"), "a line continuation right before the end of the file"),
]


def known_libcst_gap(text: str) -> bool:
    return any(pattern.search(text) for pattern, _ in KNOWN_LIBCST_GAPS)
