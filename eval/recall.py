"""Recall and false alarms of leaklint on the public corpus of real leak fixes (eval/corpus/).

    python eval/recall.py                  # table per family, tune, holdout and each fresh set apart
    python eval/recall.py --json           # the same figures as JSON
    python eval/recall.py --cases a,b      # only these case ids (for quick checks)
    python eval/recall.py --split fresh2   # only the cases of one split
    python eval/recall.py --compare        # also ruff and pylint, when installed
    python eval/recall.py -j 2             # score cases in two processes

Each case folder holds the leaky version and its fixed twin (``leaky.py``/``fixed.py``, or folders
``leaky/``/``fixed/`` for leaks that cross modules) and ``case.toml``. The leaky lines carry a
trailing ``# LEAK`` comment. A case is *found* when a finding whose code starts with one of the
case's ``expected`` prefixes (``LKL1``: cycles and pins, ``LKL2``: growth, ``LKL3``: resources,
threads and tasks, ``LKL4``: closures) is reported on one of the marked lines (for a cycle, any
line of the marked set counts). A fixed twin raises a *false alarm* when any finding of the
expected families is reported anywhere in it; a negative (``eval/corpus/negatives/``) when any
finding at all is reported in it.

Splits: a case without a ``split`` key is *tune* or *holdout* by a seeded hash of its id (its
``holdout`` flag records the result); a case with ``split = "fresh"`` belongs to the fresh set, cases
added later from fixes no rule writer had seen (``eval/corpus/fresh/``), reported in a column of its own;
``split = "fresh2"`` likewise for the second fresh set (``eval/corpus/fresh2/``), built once the first
had been looked at, ``split = "fresh3"`` for the third (``eval/corpus/fresh3/``), built once the second
had been measured, ``split = "fresh4"`` for the fourth (``eval/corpus/fresh4/``), built once the third
had been measured, ``split = "fresh5"`` for the fifth (``eval/corpus/fresh5/``), built once the fourth
had been measured, ``split = "fresh6"`` for the sixth (``eval/corpus/fresh6/``), built once the fifth
had been measured, ``split = "fresh7"`` for the seventh (``eval/corpus/fresh7/``), built once the sixth
had been measured, ``split = "fresh8"`` for the eighth (``eval/corpus/fresh8/``), built once the seventh
had been measured, ``split = "fresh9"`` for the ninth (``eval/corpus/fresh9/``), built once the eighth
had been measured, ``split = "fresh10"`` for the tenth (``eval/corpus/fresh10/``), built once the ninth
had been measured, ``split = "fresh11"`` for the eleventh (``eval/corpus/fresh11/``), built once the
tenth had been measured, ``split = "fresh12"`` for the twelfth (``eval/corpus/fresh12/``), built once
the eleventh had been measured, ``split = "fresh13"`` for the thirteenth (``eval/corpus/fresh13/``),
built once the twelfth had been measured, ``split = "fresh14"`` for the fourteenth
(``eval/corpus/fresh14/``), built once the thirteenth had been measured, ``split = "fresh15"`` for the
fifteenth (``eval/corpus/fresh15/``), built once the fourteenth had been measured, ``split = "fresh16"``
for the sixteenth (``eval/corpus/fresh16/``), built once the fifteenth had been measured, and
``split = "fresh17"`` for the seventeenth (``eval/corpus/fresh17/``), built once the sixteenth had been
measured.

Every version is checked on its own (its files alone make up the project), in this process,
through the public runner, once with the default selection and once with every rule selected.
When ``leaklint check --help`` offers a ``--profile`` option, the strictest profile is run
through the CLI as a third selection.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

CORPUS = Path(__file__).resolve().parent / "corpus"
MARKER = re.compile(r"#\s*LEAK\b")
HOLDOUT_SEED = "leaklint-eval-corpus-v1"
FAMILIES = ("LKL1", "LKL2", "LKL3", "LKL4")
SPLITS = ("tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17")


def is_holdout(case_id: str) -> bool:
    """A third of the cases, chosen by a seeded hash of the id (never by hand)."""
    digest = hashlib.sha256(f"{HOLDOUT_SEED}:{case_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % 3 == 0


@dataclass
class Case:
    id: str
    folder: Path
    kind: str  # "leak" or "negative"
    family: str
    expected: Tuple[str, ...]
    project: str
    url: str
    description: str
    holdout: bool
    meta: Dict[str, object] = field(default_factory=dict)
    split: str = ""

    def __post_init__(self) -> None:
        if not self.split:
            self.split = "holdout" if self.holdout else "tune"

    def version_files(self, version: str) -> List[Path]:
        """The files of one version: ``leaky``, ``fixed`` or (negatives) ``safe``."""
        single = self.folder / f"{version}.py"
        if single.is_file():
            return [single]
        folder = self.folder / version
        return sorted(folder.rglob("*.py")) if folder.is_dir() else []

    def versions(self) -> Tuple[str, ...]:
        return ("safe",) if self.kind == "negative" else ("leaky", "fixed")

    def marked_lines(self) -> Set[Tuple[str, int]]:
        marks = set()
        for path in self.version_files("leaky"):
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if MARKER.search(text):
                    marks.add((str(path.resolve()), number))
        return marks


def load_cases(root: Path = CORPUS) -> List[Case]:
    cases = []
    for manifest in sorted(root.rglob("case.toml")):
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
        expected = data.get("expected", [])
        holdout = bool(data.get("holdout", False))
        split = str(data.get("split") or ("holdout" if holdout else "tune"))
        if split not in SPLITS:
            raise ValueError(f"{manifest}: unknown split {split!r} (expected one of {', '.join(SPLITS)})")
        cases.append(Case(
            id=manifest.parent.name,
            folder=manifest.parent,
            kind=data.get("kind", "leak"),
            family=data.get("family", ""),
            expected=tuple(expected if isinstance(expected, list) else [expected]),
            project=data.get("project", ""),
            url=data.get("url", ""),
            description=data.get("description", ""),
            holdout=holdout,
            meta=data,
            split=split,
        ))
    return cases


# -- running leaklint ----------------------------------------------------------------------------

Finding = Tuple[str, int, str]  # resolved path, line, code


def _lint_api(files: Sequence[Path], select: Optional[Tuple[str, ...]]) -> List[Finding]:
    from leaklint.config import Settings
    from leaklint.runner import lint_files

    root = str(files[0].parent)
    report = lint_files([str(f) for f in files], Settings(select=select, exclude=(), root=root), jobs=1)
    return [(str(Path(f.path).resolve()), f.line, f.code) for f in report.findings]


def _lint_cli(files: Sequence[Path], extra: Sequence[str]) -> List[Finding]:
    command = [sys.executable, "-m", "leaklint", "check", "--no-cache", "--format", "json", "--exit-zero", *extra]
    done = subprocess.run(command + [str(f) for f in files], capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        # A run that failed is not a run that found nothing: counting it as silence would turn an
        # import error (say, a source tree edited mid-run) into misses.
        raise RuntimeError(f"leaklint exited {done.returncode} on {files[0]}: {done.stderr.strip()[-2000:]}")
    rows = json.loads(done.stdout or "[]")
    return [(str(Path(r["path"]).resolve()), r["location"]["line"], r["code"]) for r in rows]


def _check_help() -> str:
    return subprocess.run([sys.executable, "-m", "leaklint", "check", "--help"], capture_output=True,
                          text=True, check=False).stdout


def cli_profiles(help_text: Optional[str] = None) -> List[str]:
    """The profiles `leaklint check --help` offers (empty when it offers none)."""
    match = re.search(r"--profile[ =]*\{([^}]*)\}", help_text if help_text is not None else _check_help())
    return [p.strip() for p in match.group(1).split(",")] if match else []


def selections() -> Dict[str, object]:
    """Default selection and every rule (in process); the strictest CLI profile when one exists."""
    chosen: Dict[str, object] = {"default": None, "all": ("LKL",)}
    help_text = _check_help()
    profiles = cli_profiles(help_text)
    if profiles:
        strict = next((p for p in profiles if p in ("strict", "all", "pedantic")), profiles[-1])
        chosen[f"profile:{strict}"] = ["--select", "LKL", "--profile", strict]
    elif re.search(r"--strict\b", help_text):
        chosen["strict"] = ["--select", "LKL", "--strict"]
    return chosen


def lint(files: Sequence[Path], how: object) -> List[Finding]:
    if isinstance(how, list):
        return _lint_cli(files, how)
    return _lint_api(files, how)  # type: ignore[arg-type]


# -- optional comparison with other linters ---------------------------------------------------------
# Only their leak-related checks are selected: ruff SIM115 (open without a context manager), B019
# (cache on a method), RUF006 (dangling asyncio task); pylint R1732 (consider-using-with), W1518
# (method-cache-max-size-none). Both check one file at a time, so each runs once over the corpus.

RUFF_CODES = "SIM115,B019,RUF006"
PYLINT_CODES = "R1732,W1518"


def _ruff_all(files: Sequence[Path]) -> Optional[List[Finding]]:
    if shutil.which("ruff") is None:
        return None
    command = ["ruff", "check", "--isolated", "--no-cache", "--output-format", "json", "--exit-zero",
               "--select", RUFF_CODES]
    out = subprocess.run(command + [str(f) for f in files], capture_output=True, text=True, check=False).stdout
    return [(str(Path(r["filename"]).resolve()), r["location"]["row"], r["code"]) for r in json.loads(out or "[]")]


def _pylint_all(files: Sequence[Path]) -> Optional[List[Finding]]:
    if shutil.which("pylint") is None:
        return None
    command = ["pylint", "--output-format=json", "--disable=all", f"--enable={PYLINT_CODES}", "--score=n",
               "--persistent=n"]
    out = subprocess.run(command + [str(f) for f in files], capture_output=True, text=True, check=False).stdout
    return [(str(Path(r["path"]).resolve()), r["line"], r["message-id"]) for r in json.loads(out or "[]")]


def other_linter(run_all, cases: Sequence["Case"]):
    """A per-version linter function backed by one run of ``run_all`` over every file of ``cases``."""
    files = sorted({f.resolve() for c in cases for v in c.versions() for f in c.version_files(v)})
    findings = run_all(files) if files else []
    if findings is None:
        return None
    by_path: Dict[str, List[Finding]] = defaultdict(list)
    for finding in findings:
        by_path[finding[0]].append(finding)
    return lambda version_files: [f for path in version_files for f in by_path.get(str(path.resolve()), [])]


# -- scoring -----------------------------------------------------------------------------------

def _family_hits(findings: Iterable[Finding], expected: Tuple[str, ...]) -> List[Finding]:
    return [f for f in findings if f[2].startswith(expected)]


def _real(findings: Iterable[Finding]) -> List[Finding]:
    """Findings about leaks (not LKL0xx problems reading the file)."""
    return [f for f in findings if not f[2].startswith("LKL0")]


def score_case(case: Case, how: object, linter=None, any_code: Optional[bool] = None) -> Dict[str, object]:
    """Score one case. ``linter`` replaces leaklint (files -> findings); with ``any_code`` (the default
    for other linters) any of its codes counts, otherwise only the case's expected code families."""
    run = linter or (lambda files: lint(files, how))
    any_expected = linter is not None if any_code is None else any_code
    if case.kind == "negative":
        found = _real(run(case.version_files("safe")))
        return {"id": case.id, "kind": "negative", "split": case.split, "false_alarm": bool(found),
                "codes": sorted({f[2] for f in found})}
    marks = case.marked_lines()
    leaky = run(case.version_files("leaky"))
    fixed = run(case.version_files("fixed"))
    hits = leaky if any_expected else _family_hits(leaky, case.expected)
    found = any((path, line) in marks for path, line, _ in hits)
    fixed_hits = fixed if any_expected else _family_hits(fixed, case.expected)
    return {"id": case.id, "kind": "leak", "split": case.split, "family": case.family, "found": found,
            "false_alarm": bool(fixed_hits), "leaky_codes": sorted({f[2] for f in _real(leaky)}),
            "fixed_codes": sorted({f[2] for f in _real(fixed)})}


def summarize(cases: Sequence[Case], results: Sequence[Dict[str, object]]) -> Dict[str, object]:
    by_id = {c.id: c for c in cases}
    out: Dict[str, object] = {}
    for split in SPLITS + ("all",):
        chosen = [r for r in results if split == "all" or by_id[str(r["id"])].split == split]
        leaks = [r for r in chosen if r["kind"] == "leak"]
        negatives = [r for r in chosen if r["kind"] == "negative"]
        families: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        groups: Dict[str, List[int]] = defaultdict(lambda: [0, 0])
        for r in leaks:
            families[str(r["family"])][0] += bool(r["found"])
            families[str(r["family"])][1] += 1
            group = by_id[str(r["id"])].expected[0] + "xx"
            groups[group][0] += bool(r["found"])
            groups[group][1] += 1
        out[split] = {
            "cases": len(leaks),
            "found": sum(bool(r["found"]) for r in leaks),
            "recall": _ratio(sum(bool(r["found"]) for r in leaks), len(leaks)),
            "per_family": {name: {"found": f, "cases": n, "recall": _ratio(f, n)} for name, (f, n) in
                           sorted(families.items())},
            "per_code_family": {name: {"found": f, "cases": n, "recall": _ratio(f, n)} for name, (f, n) in
                                sorted(groups.items())},
            "fixed_false_alarms": sum(bool(r["false_alarm"]) for r in leaks),
            "negatives": len(negatives),
            "negative_false_alarms": sum(bool(r["false_alarm"]) for r in negatives),
            "false_alarm_rate": _ratio(sum(bool(r["false_alarm"]) for r in chosen), len(chosen)),
        }
    return out


def _ratio(part: int, whole: int) -> Optional[float]:
    return round(part / whole, 3) if whole else None


def _pct(value: Optional[float]) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def print_table(name: str, summary: Dict[str, object]) -> None:
    print(f"== {name}")
    parts = [summary[split] for split in SPLITS]  # type: ignore[index]
    print(f"{'family':<28} " + " ".join(f"{split:>12}" for split in SPLITS))
    for key in ("per_family", "per_code_family"):
        names = sorted(set().union(*(part[key] for part in parts)))  # type: ignore[index]
        for name in names:
            cells = []
            for part in parts:
                row = part[key].get(name)  # type: ignore[union-attr,index]
                cells.append("-" if row is None else f"{row['found']}/{row['cases']} {_pct(row['recall'])}")
            label = name if key == "per_family" else f"expected {name}"
            print(f"{label:<28} " + " ".join(f"{cell:>12}" for cell in cells))
    for label, key in (("recall", None), ("fixed twins flagged", "fixed_false_alarms"),
                       ("negatives flagged", "negative_false_alarms")):
        cells = []
        for part in parts:
            if key is None:
                cells.append(f"{part['found']}/{part['cases']} {_pct(part['recall'])}")  # type: ignore[index]
            else:
                whole = part["cases"] if key == "fixed_false_alarms" else part["negatives"]  # type: ignore[index]
                cells.append(f"{part[key]}/{whole}")  # type: ignore[index]
        print(f"{label:<28} " + " ".join(f"{cell:>12}" for cell in cells))
    print()


def _cell(row: Optional[Dict[str, object]]) -> str:
    return "-" if row is None else f"{row['found']}/{row['cases']}"


def print_markdown(report: Dict[str, object]) -> None:
    """Recall per family: leaklint (default selection) on tune/holdout/each fresh set/all, then every other
    run on all and on each fresh split."""
    selections: Dict[str, Dict[str, object]] = report["selections"]  # type: ignore[assignment]
    main_summary = selections["default"]["summary"]
    others = [name for name in selections if name != "default"]
    names = {"all": "leaklint, every rule"}
    main_splits = SPLITS + ("all",)
    other_splits = ("all", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17")
    head = ["family"] + [f"leaklint {split}" for split in main_splits]
    head += [names.get(o, o) + ("" if split == "all" else f" {split}") for o in others for split in other_splits]
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for key in ("per_family", "per_code_family"):
        for name in sorted(main_summary["all"][key]):  # type: ignore[index]
            label = name if key == "per_family" else f"**expected {name}**"
            cells = [_cell(main_summary[split][key].get(name)) for split in main_splits]  # type: ignore[index]
            cells += [_cell(selections[o]["summary"][split][key].get(name))  # type: ignore[index]
                      for o in others for split in other_splits]
            print(f"| {label} | " + " | ".join(cells) + " |")

    def overall(summary, split: str) -> str:
        part = summary[split]
        return f"{part['found']}/{part['cases']} ({_pct(part['recall'])})"

    def alarms(summary, split: str) -> str:
        part = summary[split]
        return (f"{part['fixed_false_alarms']}/{part['cases']} fixed, "
                f"{part['negative_false_alarms']}/{part['negatives']} negatives")

    for label, render in (("**recall**", overall), ("**false alarms**", alarms)):
        cells = [render(main_summary, split) for split in main_splits]
        cells += [render(selections[o]["summary"], split) for o in others for split in other_splits]
        print(f"| {label} | " + " | ".join(cells) + " |")


_POOL_WORK: Dict[str, object] = {}  # what forked workers score, set before the pool forks


def _score_by_index(index: int) -> Dict[str, object]:
    cases, how, tool = _POOL_WORK["cases"], _POOL_WORK["how"], _POOL_WORK["tool"]
    return score_case(cases[index], how, tool)  # type: ignore[index]


def score_all(cases: Sequence[Case], how: object, tool: object = None, jobs: int = 1) -> List[Dict[str, object]]:
    """Every case scored, in order; with ``jobs`` > 1 in forked worker processes (cases are
    independent: each version is linted on its own)."""
    if jobs <= 1 or len(cases) < 2:
        return [score_case(case, how, tool) for case in cases]
    import multiprocessing

    _POOL_WORK.update(cases=list(cases), how=how, tool=tool)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return pool.map(_score_by_index, range(len(cases)), chunksize=4)
    finally:
        _POOL_WORK.clear()


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cases", help="comma-separated case ids to run (default: all)")
    parser.add_argument("--split", choices=SPLITS, help="only the cases of this split")
    parser.add_argument("--compare", action="store_true", help="also run ruff and pylint when installed")
    parser.add_argument("--details", action="store_true", help="list each case's outcome")
    parser.add_argument("--markdown", action="store_true", help="print the figures as a Markdown table")
    parser.add_argument("--jobs", "-j", type=int, default=1, help="score cases in N processes (POSIX fork)")
    args = parser.parse_args(argv)

    cases = load_cases()
    if args.cases:
        wanted = set(args.cases.split(","))
        cases = [c for c in cases if c.id in wanted]
    if args.split:
        cases = [c for c in cases if c.split == args.split]
    runs: Dict[str, Tuple[object, object]] = {name: (how, None) for name, how in selections().items()}
    if args.compare:
        for name, run_all in (("ruff", _ruff_all), ("pylint", _pylint_all)):
            tool = other_linter(run_all, cases)
            if tool is not None:
                runs[name] = (None, tool)

    report: Dict[str, object] = {"cases": len([c for c in cases if c.kind == "leak"]),
                                 "negatives": len([c for c in cases if c.kind == "negative"]), "selections": {}}
    for name, (how, tool) in runs.items():
        results = score_all(cases, how, tool, args.jobs)
        report["selections"][name] = {"summary": summarize(cases, results), "results": results}  # type: ignore[index]
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    if args.markdown:
        print_markdown(report)
        return 0
    print(f"{report['cases']} leak cases, {report['negatives']} negatives\n")
    by_id = {c.id: c for c in cases}
    for name, data in report["selections"].items():  # type: ignore[union-attr]
        print_table(name, data["summary"])
        if args.details:
            for r in data["results"]:
                state = ("FOUND " if r.get("found") else "missed") if r["kind"] == "leak" else "neg   "
                alarm = " FALSE-ALARM" if r["false_alarm"] else ""
                split = by_id[str(r["id"])].split
                print(f"  {state} {split:<8} {r['id']:<48} {','.join(r.get('leaky_codes', r.get('codes', [])))}{alarm}")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
