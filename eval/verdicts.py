"""Reviewers' verdicts by bucket: which kinds of finding are reliably real, which mostly are not.

    python eval/verdicts.py --judged VERDICTS.json [--judged s9=VERDICTS.json ...] \
        --run s4=RUN4 --run s5=RUN5 ... [--profile default|strict] [--markdown] [--unjudged]

VERDICTS.json is a list of judged findings (``s``, ``path``, ``line``, ``code``, ``verdict``,
``reason``; ``s`` names the sample, or is given as ``s9=FILE`` for a file without it). RUN is the
output folder of ``python eval/precision.py run SAMPLE RUN --profile strict`` for that sample on
the branch being measured: its findings are matched to the verdicts by (sample, path, line, code)
and grouped by (code, shape, confidence), where the shape is read from the message (the reason
the finding gives: "released, but not if an exception comes first", "the task is dropped", ...).
``--profile default`` leaves out the low findings (what the default selection reports).
Findings no reviewer judged are counted as ``unjudged`` and listed with ``--unjudged``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

VERDICTS = ("real", "debatable", "false")
Key = Tuple[str, str, int, str]

# (code prefix, pattern on the message, shape): the first that matches names the bucket.
SHAPES: Tuple[Tuple[str, str, str], ...] = (
    ("LKL30", r"does not close it: the connection's `with`", "with-does-not-close"),
    ("LKL30", r"nothing in the class calls", "member never released"),
    ("LKL30", r"its result is discarded", "result discarded"),
    ("LKL30", r"only the result of its", "chained call only"),
    ("LKL30", r"only passed to .*, which does not close it", "passed to a known non-closer"),
    ("LKL30", r"only passed to .*, which is not known to close it", "passed to an unknown callee"),
    ("LKL30", r"passed to a function that is not known to close it", "passed to an unknown callee"),
    ("LKL30", r"is handed to .* which may raise", "exception: hand-over may raise"),
    ("LKL30", r"but not if an exception is raised before that", "exception: no finally"),
    ("LKL30", r"when line \d+ raises and the exception is caught", "exception: caught path"),
    ("LKL30", r"is not closed when line \d+ raises", "exception: raise while held"),
    ("LKL30", r"not closed if the set-up on line", "exception: failed set-up"),
    ("LKL30", r"replaces the value", "replaced while held"),
    ("LKL30", r"rebinds .* while it is still open", "normal path: rebound"),
    ("LKL30", r"not closed on every path", "normal path: some exit"),
    ("LKL30", r"is never (closed|released)", "normal path: never"),
    ("LKL303", r"started and thrown away", "thread thrown away"),
    ("LKL303", r"never joined in any method of its owner", "thread member never joined"),
    ("LKL303", r"started but never joined", "thread local never joined"),
    ("LKL304", r"is dropped in", "task dropped"),
    ("LKL304", r"never awaited, cancelled, gathered or stored before", "task local unkept"),
    ("LKL304", r"tasks are added to", "task collection grows"),
    ("LKL304", r"called without `await`", "coroutine not awaited"),
    ("LKL304", r"returns? the (only )?task|hands", "task helper dropped"),
    ("LKL10", r"the code breaks it itself", "cycle: broken by the code"),
    ("LKL10", r"formed for every .* instance", "cycle: per instance, nothing heavy"),
    ("LKL10", r"formed on every call", "cycle: per call, nothing heavy"),
    ("LKL10", r"no open resource, thread", "cycle: nothing heavy"),
    ("LKL10", r"whose run the cycle delays", "cycle: delays a finaliser/close"),
    ("LKL10", r"a collection (of plain objects )?whose items point back|a collection of plain objects", "cycle: collection back-references"),
    ("LKL10", r"made in a test", "cycle: in a test"),
    ("LKL10", r"a tree of plain", "cycle: tree of plain objects"),
    ("LKL10", r"runs on objects that (can )?sit in a reference cycle", "__del__ in a cycle"),
    ("LKL104", r"stores the bound method", "bound method on self"),
    ("LKL104", r"lambda|nested function", "closure on self"),
    ("LKL105", r"after the .* block", "exception kept after except"),
    ("LKL105", r"holds the traceback", "traceback kept"),
    ("LKL109", r"re-raising", "stored exception re-raised"),
)


def shape(code: str, message: str) -> str:
    for prefix, pattern, name in SHAPES:
        if code.startswith(prefix) and re.search(pattern, message):
            return name
    return "other"


def load_verdicts(specs: Sequence[str]) -> Dict[Key, Dict[str, Any]]:
    found: Dict[Key, Dict[str, Any]] = {}
    for spec in specs:
        sample, _, file = spec.rpartition("=") if "=" in spec else ("", "", spec)
        for item in json.loads(Path(file).read_text(encoding="utf-8")):
            name = item.get("s") or sample
            if not name:
                raise SystemExit(f"{file}: a verdict without a sample; pass it as s9={file}")
            if item["verdict"] not in VERDICTS:
                raise SystemExit(f"{file}: verdict {item['verdict']!r}")
            found[(name, item["path"], int(item["line"]), item["code"])] = item
    return found


def load_runs(specs: Sequence[str]) -> List[Dict[str, Any]]:
    findings = []
    for spec in specs:
        sample, _, folder = spec.partition("=")
        for finding in json.loads((Path(folder) / "all.json").read_text(encoding="utf-8")):
            findings.append({**finding, "s": sample})
    return findings


def table(findings: Iterable[Dict[str, Any]], verdicts: Dict[Key, Dict[str, Any]], profile: str
          ) -> Tuple[Dict[Tuple[str, str, str], Dict[str, int]], List[Dict[str, Any]]]:
    buckets: Dict[Tuple[str, str, str], Dict[str, int]] = defaultdict(lambda: defaultdict(int))
    unjudged = []
    for finding in findings:
        if profile == "default" and finding["confidence"] == "low":
            continue
        key = (finding["s"], finding["path"], int(finding["line"]), finding["code"])
        judged = verdicts.get(key)
        verdict = judged["verdict"] if judged else "unjudged"
        if not judged:
            unjudged.append(finding)
        buckets[(finding["code"], shape(finding["code"], finding["message"]), finding["confidence"])][verdict] += 1
    return buckets, unjudged


def render(buckets: Dict[Tuple[str, str, str], Dict[str, int]], markdown: bool) -> str:
    columns = ("real", "debatable", "false", "unjudged")
    rows = sorted(buckets.items())
    totals = {c: sum(counts.get(c, 0) for _, counts in rows) for c in columns}
    lines = []
    if markdown:
        lines.append("| code | shape | confidence | findings | real | debatable | false | unjudged |")
        lines.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for (code, name, confidence), counts in rows:
        cells = [counts.get(c, 0) for c in columns]
        if markdown:
            lines.append(f"| {code} | {name} | {confidence} | {sum(cells)} | " + " | ".join(map(str, cells)) + " |")
        else:
            lines.append(f"{code:7} {name:40} {confidence:7} {sum(cells):4} " + " ".join(f"{n:4}" for n in cells))
    total = sum(totals.values())
    judged = total - totals["unjudged"]
    share = (lambda n: f"{100 * n / judged:.0f}%") if judged else (lambda n: "-")
    lines.append("")
    lines.append(f"{total} findings: real {totals['real']} ({share(totals['real'])} of judged), debatable "
                 f"{totals['debatable']}, false {totals['false']} ({share(totals['false'])}), unjudged {totals['unjudged']}")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--judged", action="append", default=[], help="verdicts file, or SAMPLE=FILE")
    parser.add_argument("--run", action="append", default=[], help="SAMPLE=RUN folder of precision.py run")
    parser.add_argument("--profile", default="default", choices=("default", "strict"))
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--unjudged", action="store_true", help="list the findings nobody judged")
    args = parser.parse_args(argv)
    verdicts = load_verdicts(args.judged)
    buckets, unjudged = table(load_runs(args.run), verdicts, args.profile)
    print(render(buckets, args.markdown))
    if args.unjudged:
        for finding in unjudged:
            print(f"{finding['s']} {finding['path']}:{finding['line']} {finding['code']} {finding['confidence']}: "
                  f"{finding['message'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
