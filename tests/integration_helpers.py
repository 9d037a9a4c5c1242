"""Helpers shared by the integration tests: a fixable test rule and running the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List, Optional, Sequence, Tuple, Type

import libcst as cst

from leaklint.engine import analyze_source
from leaklint.output import View
from leaklint.rule import Edit, Fix, FixSafety, Rule
from leaklint.runner import Report

LEAK = "X = [0] * 10 ** 12\n"  # LKL501, the canonical leaky line


class FixableLeak(Rule):
    """Flags the name `leak` and fixes it to `kept` (a test rule, not registered).

    ## What it does
    Flags `leak`. Used by the integration tests.

    ## Why is this bad?
    It is a test.
    """

    code = "LKL993"
    name = "test-fixable-leak"
    message = "test"
    fix_title = "rename to kept"
    fix_safety = FixSafety.SAFE

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "leak":
            fix = Fix((Edit(node, cst.Name("kept")),), FixSafety.SAFE)
            self.report(node, "`leak` is leaky: 100% sure, really", suggestion="rename it to `kept`", fix=fix)


def report_for(
    sources: Sequence[Tuple[str, str]], rules: Sequence[Type[Rule]] = (FixableLeak,)
) -> Tuple[Report, View]:
    """Lint ``(path, source)`` pairs in memory with text edits, as the CLI does for SARIF."""
    report = Report()
    view = View(rules=list(rules))
    for path, source in sources:
        result = analyze_source(source, path, list(rules), {}, text_edits=True).result
        report.findings.extend(result.findings)
        report.files_checked += 1
        view.sources[path] = source
    return report, view


def run_cli(args: List[str], cwd: Path, stdin: Optional[str] = None) -> Tuple[int, str, str]:
    process = subprocess.run(
        [sys.executable, "-m", "leaklint", *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120
    )
    return process.returncode, process.stdout, process.stderr


class InProcessCli:
    """``leaklint`` called in this process (no interpreter start-up): ``cli(args, cwd)``."""

    def __init__(self, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
        self.monkeypatch = monkeypatch
        self.capsys = capsys

    def __call__(self, args: List[str], cwd: Path) -> Tuple[int, str, str]:
        from leaklint.cli import main

        self.monkeypatch.chdir(cwd)
        self.capsys.readouterr()
        code = main(args)
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err
