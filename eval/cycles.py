"""Run the LKL10x rules over a tree (the CPython stdlib by default) and time the two passes.

    python eval/cycles.py [ROOT] [--copies N] [--show CODE]

With ``--copies N`` the tree is copied N times under different package names (cyclepkgK) into a
temporary folder first, to measure how the project pass scales.
"""

from __future__ import annotations

import argparse
import collections
import copy
import dataclasses
import shutil
import sys
import tempfile
import time
from pathlib import Path

from leaklint.analysis.class_graph import ClassFacts
from leaklint.config import Settings
from leaklint.engine import check_project
from leaklint.runner import discover, lint_file

STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
TEST_DIRS = ("test", "tests", "idle_test", "test_*", "*_test", "lib2to3/tests", "ctypes/test", "unittest/test")


def copy_tree(root: Path, copies: int, into: Path) -> Path:
    for index in range(copies):
        target = into / f"cyclepkg{index}"
        shutil.copytree(root, target, ignore=shutil.ignore_patterns(*TEST_DIRS, "site-packages", "__pycache__"))
        (target / "__init__.py").touch()
    return into


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", default=STDLIB)
    parser.add_argument("--copies", type=int, default=0)
    parser.add_argument("--show", default="")
    parser.add_argument("--select", default="LKL1")
    parser.add_argument("--replicate", type=int, default=0,
                        help="also time the project pass on N renamed copies of the collected facts")
    args = parser.parse_args()
    root = Path(args.root)
    temp = None
    if args.copies:
        temp = Path(tempfile.mkdtemp(prefix="leaklint-cycles-"))
        root = copy_tree(root, args.copies, temp)
    settings = Settings(select=(args.select,), extend_exclude=TEST_DIRS, root=str(root))
    files, _ = discover([str(root)], settings)
    start = time.perf_counter()
    results = []
    for path in files:
        result, _problem = lint_file(path, settings)
        if result is not None:
            results.append(result)
    per_file = time.perf_counter() - start
    start = time.perf_counter()
    project = check_project(results, settings.rules(), settings.rule_settings(), settings.rules_for)
    project_time = time.perf_counter() - start
    findings = [f for r in results for f in r.findings] + project
    classes = sum(len(r.facts["LKL101"].classes) for r in results if "LKL101" in r.facts)
    lines = 0
    for path in files:
        with open(path, "rb") as handle:
            lines += handle.read().count(b"\n")
    counts = collections.Counter(f.code for f in findings)
    print(f"files {len(files)}  lines {lines}  classes {classes}")
    print(f"per-file pass {per_file:.1f}s  project pass {project_time:.2f}s")
    print("findings", dict(sorted(counts.items())))
    for finding in sorted(findings, key=lambda f: f.sort_key()):
        if args.show and not finding.code.startswith(args.show):
            continue
        relative = Path(finding.path).relative_to(root) if finding.path.startswith(str(root)) else finding.path
        print(f"{relative}:{finding.line}: {finding.code} [{finding.confidence.value}] {finding.message}")
    if args.replicate:
        replicate(results, args.replicate, settings)
    if temp is not None:
        shutil.rmtree(temp)


def _rename(facts: ClassFacts, prefix: str) -> ClassFacts:
    """The same facts as if the tree lived in package ``prefix`` (imports rewritten too)."""

    def n(name: str) -> str:
        return f"{prefix}.{name}"

    classes = []
    for info in facts.classes:
        clone = copy.copy(info)
        clone.name, clone.bases = n(info.name), tuple(n(b) for b in info.bases)
        classes.append(clone)
    return ClassFacts(
        n(facts.module),
        classes,
        [dataclasses.replace(e, source=n(e.source), target=n(e.target)) for e in facts.edges],
        [dataclasses.replace(c, caller=n(c.caller), target=n(c.target)) for c in facts.ctor_calls],
        [
            dataclasses.replace(
                p,
                first=dataclasses.replace(p.first, holder_types=tuple(n(t) for t in p.first.holder_types)),
                second=dataclasses.replace(p.second, holder_types=tuple(n(t) for t in p.second.holder_types)),
            )
            for p in facts.local_pairs
        ],
        {n(k): n(v) for k, v in facts.aliases.items()},
    )


def replicate(results: list, copies: int, settings: Settings) -> None:
    """Time LKL101+LKL102's project pass on ``copies`` renamed copies of every file's facts."""
    from leaklint.rules.lkl101_mutual_reference import MutualReference
    from leaklint.rules.lkl102_del_in_reference_cycle import DelInReferenceCycle

    for count in (1, copies):
        facts = {}
        for result in results:
            if "LKL101" in result.facts:
                for index in range(count):
                    facts[f"copy{index}/{result.path}"] = _rename(result.facts["LKL101"], f"copy{index}")
        classes = sum(len(f.classes) for f in facts.values())
        edges = sum(len(f.edges) for f in facts.values())
        start = time.perf_counter()
        found = list(MutualReference.check_project(facts, {})) + list(DelInReferenceCycle.check_project(facts, {}))
        elapsed = time.perf_counter() - start
        print(f"project pass x{count}: {classes} classes, {edges} edges, {len(found)} findings, {elapsed:.2f}s")


if __name__ == "__main__":
    sys.exit(main())
