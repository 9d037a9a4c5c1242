"""Strict precision on packages leaklint was never run on: the pipeline behind
docs/evaluation/precision-unseen.md, from unpacked packages to a judged ledger.

    python eval/precision.py run SAMPLE OUT [--profile strict] [--leaklint CMD]
        every package folder under SAMPLE/src checked on its own; OUT/all.json lists the leak
        findings (engine notices LKL00x left out) with an id, sorted by path, line and code
    python eval/precision.py batches OUT --size 35
        OUT/all.json split into OUT/batch1.json, batch2.json ... for reviewers, who write their
        verdicts to OUT/judged-K.json: [{"id": N, "verdict": "real"|"debatable"|"false", "reason": ...}]
    python eval/precision.py score JUDGED FINDINGS [--write SCORED]
        the findings of another run (FINDINGS: an all.json of `run`) matched to the verdicts of
        the judged run (JUDGED: its folder) by path, line and code; prints real/debatable/false
        counts and shares, per code, and the findings nobody judged yet
    python eval/precision.py ledger SCORED
        the scored findings as a markdown ledger: the totals, a table per code, every finding
        with its verdict and reason

The usual round: judge the whole strict selection of main *before* any rule branch is merged
(`run` with `--profile strict`, `batches`, reviewers), then `run` the merged result once with the
default profile and `score` it against those verdicts; findings that are new get judged the same
way before the figure is reported. Reviewers read eval/JUDGING.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

VERDICTS = ("real", "debatable", "false")
Key = Tuple[str, int, str]


def _key(finding: Dict[str, Any]) -> Key:
    return (finding["path"], int(finding["line"]), finding["code"])


def check_package(sample: Path, package: str, profile: str, leaklint: Sequence[str]) -> List[Dict[str, Any]]:
    """The leak findings of one package folder, checked on its own from the sample folder (so
    paths read ``src/<package>/...``)."""
    command = [*leaklint, "check", "--no-cache", "--isolated", "--exit-zero", "--profile", profile,
               "--format", "json", f"src/{package}"]
    done = subprocess.run(command, cwd=sample, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"leaklint failed on {package} (exit {done.returncode}): {done.stderr.strip()[:500]}")
    found = []
    for finding in json.loads(done.stdout or "[]"):
        if finding["code"].startswith("LKL00"):
            continue  # engine notices (unparsable, too large to parse), not leak claims
        found.append({"pkg": package, "path": finding["path"], "line": finding["location"]["line"],
                      "code": finding["code"], "confidence": finding["confidence"],
                      "message": finding["message"], "suggestion": finding["suggestion"]})
    return found


def run(sample: Path, profile: str, leaklint: Sequence[str]) -> List[Dict[str, Any]]:
    packages = sorted(p.name for p in (sample / "src").iterdir() if p.is_dir())
    findings = [f for package in packages for f in check_package(sample, package, profile, leaklint)]
    findings.sort(key=_key)
    for number, finding in enumerate(findings, 1):
        finding["id"] = number
    return findings


def batches(findings: List[Dict[str, Any]], size: int) -> List[List[Dict[str, Any]]]:
    return [findings[start:start + size] for start in range(0, len(findings), size)]


def verdicts(judged: Path) -> Dict[Key, Dict[str, Any]]:
    """(path, line, code) -> the finding of the judged run with its verdict and reason."""
    by_id = {f["id"]: f for f in json.loads((judged / "all.json").read_text(encoding="utf-8"))}
    found: Dict[Key, Dict[str, Any]] = {}
    for file in sorted(judged.glob("judged-*.json")):
        for verdict in json.loads(file.read_text(encoding="utf-8")):
            if verdict["verdict"] not in VERDICTS:
                raise SystemExit(f"{file}: id {verdict['id']} has verdict {verdict['verdict']!r}")
            finding = by_id.get(verdict["id"])
            if finding is None:
                raise SystemExit(f"{file}: id {verdict['id']} is not in {judged / 'all.json'}")
            entry = {**finding, "verdict": verdict["verdict"], "reason": verdict.get("reason", "")}
            earlier = found.get(_key(finding))
            if earlier is not None:
                # Two judged findings on one line with one code (a resource "returned but not closed
                # if line N raises" and "never closed"): a later run is matched by its message.
                entry["same_place"] = [*earlier.get("same_place", [earlier]), entry]
            found[_key(finding)] = entry
    return found


def score(findings: Iterable[Dict[str, Any]], judged: Dict[Key, Dict[str, Any]]) -> List[Dict[str, Any]]:
    scored = []
    for finding in findings:
        known = judged.get(_key(finding))
        if known is not None and "same_place" in known:
            known = next((k for k in known["same_place"] if k.get("message") == finding.get("message")), known)
        scored.append({**finding, "verdict": known["verdict"] if known else None,
                       "reason": known["reason"] if known else None})
    return scored


def summary(scored: Sequence[Dict[str, Any]]) -> str:
    counts = Counter(f["verdict"] for f in scored)
    total = len(scored)

    def share(n: int) -> str:
        return f"{100 * n / total:.0f}%" if total else "-"

    return (f"{total} findings: real {counts['real']} ({share(counts['real'])}), debatable {counts['debatable']}, "
            f"false {counts['false']} ({share(counts['false'])}), unjudged {counts[None]}")


def per_code(scored: Sequence[Dict[str, Any]]) -> List[Tuple[str, int, int, int, int]]:
    rows = []
    for code in sorted({f["code"] for f in scored}):
        counts = Counter(f["verdict"] for f in scored if f["code"] == code)
        rows.append((code, counts["real"], counts["debatable"], counts["false"], counts[None]))
    return rows


def ledger(scored: Sequence[Dict[str, Any]]) -> str:
    lines = [summary(scored), "", "| code | real | debatable | false | unjudged |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {code} | {real} | {debatable} | {false} | {unjudged} |" for code, real, debatable, false, unjudged in per_code(scored)]
    lines += ["", "| package | file:line | code | verdict | reason |", "| --- | --- | --- | --- | --- |"]
    for finding in scored:
        where = finding["path"].split("/", 2)[-1]  # without the `src/<package>/` prefix
        reason = (finding.get("reason") or "").replace("|", "/").replace("\n", " ")
        lines.append(f"| {finding['pkg']} | {where}:{finding['line']} | {finding['code']} | {finding['verdict']} | {reason} |")
    return "\n".join(lines) + "\n"


def _load(path: Path) -> List[Dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run", help="check every package of a sample")
    run_parser.add_argument("sample", type=Path)
    run_parser.add_argument("out", type=Path)
    run_parser.add_argument("--profile", default="strict", choices=("default", "strict"))
    run_parser.add_argument("--leaklint", default=f"{sys.executable} -m leaklint",
                            help="the command that runs leaklint (default: this Python's)")
    batch_parser = commands.add_parser("batches", help="split a run for reviewers")
    batch_parser.add_argument("out", type=Path)
    batch_parser.add_argument("--size", type=int, default=35)
    score_parser = commands.add_parser("score", help="match a run to the verdicts of a judged run")
    score_parser.add_argument("judged", type=Path)
    score_parser.add_argument("findings", type=Path)
    score_parser.add_argument("--write", type=Path)
    ledger_parser = commands.add_parser("ledger", help="a scored run as markdown")
    ledger_parser.add_argument("scored", type=Path)
    args = parser.parse_args(argv)

    if args.command == "run":
        findings = run(args.sample.resolve(), args.profile, args.leaklint.split())
        _write(args.out / "all.json", findings)
        print(f"{len(findings)} findings in {args.out / 'all.json'}")
    elif args.command == "batches":
        for number, batch in enumerate(batches(_load(args.out / "all.json"), args.size), 1):
            _write(args.out / f"batch{number}.json", batch)
            print(f"{args.out / f'batch{number}.json'}: {len(batch)} findings")
    elif args.command == "score":
        scored = score(_load(args.findings), verdicts(args.judged))
        if args.write is not None:
            _write(args.write, scored)
        print(summary(scored))
        for code, real, debatable, false, unjudged in per_code(scored):
            print(f"{code}: real {real}, debatable {debatable}, false {false}, unjudged {unjudged}")
        for finding in scored:
            if finding["verdict"] is None:
                print(f"unjudged: {finding['path']}:{finding['line']} {finding['code']}")
    else:
        sys.stdout.write(ledger(_load(args.scored)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
