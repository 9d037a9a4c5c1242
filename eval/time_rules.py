"""Where a cold run's CPU goes, rule by rule, with a per-rule speed budget.

Runs the per-file analysis in this process, one file after another (the ``--jobs 1`` path, no
pool: a profile of a pooled run sees only the parent waiting), then the project pass, and
charges every piece of work to whoever asked for it:

- the engine: reading the file, CPython's syntax check and libcst's parse (``parse``), the tree
  index, and everything not charged below (positions of findings, fact compaction, ...);
- each rule: its constructor, every ``visit_*``/``leave_*`` handler, resolving its findings
  (positions), its ``file_facts()``, and its ``check_project`` in the project pass.

Shared analysis computed on first use (the class graph, ownership tables, statement lines) is
charged to the first rule that asks for it in a file; ``--cprofile RULE`` shows what a rule's
time is made of. Times are ``time.thread_time`` around each call: CPU, so other load on the machine
counts less than in wall time, but each reading is a system call, which inflates the "(engine)"
row (everything not charged elsewhere) by about a tenth of the total; read the shares, run twice.

    python eval/time_rules.py                     # the benchmark's stdlib files, every rule
    python eval/time_rules.py --every 3           # every third file (quicker, same shape)
    python eval/time_rules.py PATH... --profile strict --budget 1.5

**The budget.** The cold run's bound is 1.8x a bare libcst parse (issue 16), and the engine
alone (its unvalidated parse, the syntax check, the tree index) costs about 1.05x of that parse,
so the rules and the project pass together have about 0.7x, and about 0.6x if a run is to stay
under 1.75x. A rule is flagged when it costs more than ``--budget`` percent of the parse row
(default 3%, about 0.03x of the floor: twenty rules at the budget would use the whole margin, so a
rule at the budget is already one of the large ones). Shared analysis is charged to its first
user (LKL101 pays for the class graph, the function summaries and the ``ast`` parse behind
statement lines), so read a flagged rule's ``--cprofile`` before blaming it. A new rule over the
budget should gate its work on a cheap precondition (``trigger_names``, a name or node seen in
the walk) before it is merged.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, DefaultDict, Dict, List, Sequence

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "bench"))

import run as bench_run  # noqa: E402 - bench/run.py: the benchmark's file list

from leaklint import engine  # noqa: E402
from leaklint.analysis import walk as walk_module  # noqa: E402
from leaklint.config import Settings  # noqa: E402
from leaklint.rule import Rule  # noqa: E402

ENGINE = "(engine)"
PARSE = "(parse + syntax check)"
INDEX = "(tree index)"
PROJECT = "(project pass, not in a rule)"

spent: DefaultDict[str, float] = defaultdict(float)  # per-file work, by rule code or engine part
_project_time: DefaultDict[str, float] = defaultdict(float)  # each rule's check_project
# CPU of the calling thread: the machine is shared, so wall time would charge the neighbours' work
# to whichever rule was running. The per-file work runs in the engine's big-stack thread, one file
# at a time, so the outer totals use the process's CPU.
clock = time.thread_time
outer_clock = time.process_time


def _charged(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = clock()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += clock() - start

    timed.__wrapped__ = function  # type: ignore[attr-defined]
    return timed


def _instrument(rules: Sequence[type]) -> None:
    engine.parse = _charged(PARSE, engine.parse)
    build = walk_module.TreeIndex.build
    walk_module.TreeIndex.build = staticmethod(_charged(INDEX, build))  # type: ignore[assignment]
    resolve = engine._resolve

    def timed_resolve(rule: Rule, *args: Any) -> Any:
        start = clock()
        try:
            return resolve(rule, *args)
        finally:
            spent[rule.code] += clock() - start

    engine._resolve = timed_resolve
    for rule in rules:
        for name in ("__init__", "file_facts", *_handler_names(rule)):
            method = getattr(rule, name)
            setattr(rule, name, _charged(rule.code, getattr(method, "__wrapped__", method)))


def _handler_names(rule: type) -> List[str]:
    return [name for name in dir(rule) if name.startswith(("visit_", "leave_")) and callable(getattr(rule, name))]


def measure(paths: Sequence[str], settings: Settings, profile_rule: str = "") -> Dict[str, float]:
    from leaklint.runner import lint_file, finish, Report

    rules = settings.rules()
    _instrument(rules)
    profiler = cProfile.Profile() if profile_rule else None
    if profiler is not None:
        _profile_only(rules, profile_rule, profiler)
    gc.collect()
    gc.freeze()
    results = []
    start_cpu = start = outer_clock()
    for path in paths:
        result, _problem = lint_file(path, settings)
        if result is not None:
            results.append(result)
    per_file = outer_clock() - start
    project_start = outer_clock()
    finish(Report(), results, settings)
    project = outer_clock() - project_start
    cpu = time.process_time() - start_cpu
    in_rules = sum(spent[rule.code] for rule in rules)
    spent[ENGINE] = per_file - spent[PARSE] - spent[INDEX] - in_rules
    spent[PROJECT] = project - sum(_project_time.values())
    spent["(total wall)"] = per_file + project
    spent["(total CPU)"] = cpu
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(40)
    return dict(spent)


def _profile_only(rules: Sequence[type], code: str, profiler: cProfile.Profile) -> None:
    """Run ``code``'s handlers, findings and project pass under ``profiler`` (nothing else)."""
    def profiling(function: Callable[..., Any]) -> Callable[..., Any]:
        def profiled(*args: Any, **kwargs: Any) -> Any:
            profiler.enable()
            try:
                return function(*args, **kwargs)
            finally:
                profiler.disable()

        return profiled

    resolve = engine._resolve
    engine._resolve = lambda rule, *args: (profiling(resolve) if rule.code == code else resolve)(rule, *args)
    for rule in rules:
        if rule.code == code:
            for name in ("__init__", "file_facts", *_handler_names(rule)):
                setattr(rule, name, profiling(getattr(rule, name)))
        if rule.code == code and rule.project_scope:
            check = rule.check_project.__func__  # type: ignore[attr-defined]

            def profiled(cls: Any, *args: Any, _check: Any = check) -> Any:
                profiler.enable()
                try:
                    return list(_check(cls, *args))
                finally:
                    profiler.disable()

            rule.check_project = classmethod(profiled)  # type: ignore[assignment]


def _wrap_project(rules: Sequence[type]) -> None:
    """Charge each rule's ``check_project`` to the project pass's own column as well."""
    for rule in rules:
        if rule.project_scope:
            check = rule.check_project.__func__  # type: ignore[attr-defined]

            def timed(cls: Any, *args: Any, _check: Any = check, _code: str = rule.code) -> Any:
                start = clock()
                try:
                    return list(_check(cls, *args))
                finally:
                    _project_time[_code] += clock() - start

            rule.check_project = classmethod(timed)  # type: ignore[assignment]


def report(times: Dict[str, float], lines: int, budget: float) -> List[str]:
    parse = times.get(PARSE, 0.0) or 1.0
    total = {key: value + _project_time.get(key, 0.0) for key, value in times.items() if not key.startswith("(total")}
    for key, value in _project_time.items():
        total.setdefault(key, value)
    out = [
        f"{lines:,} lines; wall {times['(total wall)']:.2f} s, process CPU {times['(total CPU)']:.2f} s",
        f"budget: a rule over {budget:.1f}% of the parse ({budget / 100 * parse:.2f} s here) is flagged",
        "",
        "| who | per file s | project pass s | total s | ms per 1,000 lines | % of parse | |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for key, value in sorted(total.items(), key=lambda item: -item[1]):
        is_rule = not key.startswith("(")
        flag = "**over budget**" if is_rule and value / parse * 100 > budget else ""
        project = _project_time.get(key, 0.0)
        out.append(
            f"| {key} | {value - project:.2f} | {project:.2f} | {value:.2f} | {value / lines * 1e6:.1f} "
            f"| {value / parse * 100:.1f} | {flag} |"
        )
    rules_total = sum(value for key, value in total.items() if not key.startswith("("))
    out.append(f"| all rules | | | {rules_total:.2f} | {rules_total / lines * 1e6:.1f} | {rules_total / parse * 100:.1f} | |")
    return out


def main(argv: Sequence[str] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files or folders (default: the benchmark's stdlib files)")
    parser.add_argument("--every", type=int, default=1, help="only every Nth file")
    parser.add_argument("--profile", default="strict", choices=("default", "strict"))
    parser.add_argument("--budget", type=float, default=3.0, help="flag a rule over this %% of the parse")
    parser.add_argument("--cprofile", default="", metavar="CODE", help="cProfile this rule's work")
    args = parser.parse_args(list(argv) or None)
    settings = Settings(select=("LKL",), profile=args.profile)
    if args.paths:
        from leaklint.runner import discover

        paths, _ = discover(args.paths, settings)
    else:
        root = bench_run.default_corpus()
        paths = [str(root / p) for p in bench_run.corpus_files(root)]
    paths = sorted(paths)[:: args.every]
    lines = 0
    for path in paths:
        with open(path, "rb") as handle:
            lines += handle.read().count(b"\n")
    _wrap_project(settings.rules())
    times = measure(paths, settings, args.cprofile)
    print(f"{len(paths)} files")
    print("\n".join(report(times, lines, args.budget)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
