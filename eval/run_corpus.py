"""Run the LKL20x rules over the CPython stdlib (no test folders), or with `site` over a sample
of site-packages, and dump the findings as JSON."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from leaklint.config import Settings
from leaklint.runner import lint_paths

STDLIB = Path("/root/.pyenv/versions/3.11.7/lib/python3.11")
SITE = STDLIB / "site-packages"
# A sample of site-packages: web, CLI, parsing and data libraries (about 600k lines).
SITE_SAMPLE = (
    "flask werkzeug jinja2 requests urllib3 click prompt_toolkit jedi parso traitlets IPython docutils "
    "pydantic hypothesis trio attr yaml dateutil jsonschema botocore graphql networkx setuptools"
).split()
# Held out: not looked at while the heuristics were tuned, linted once at the end.
HOLDOUT = "pip sympy moto cfnlint docutils pygments awscli s3transfer samtranslator numpy scipy".split()
SKIP = {"test", "tests", "idle_test", "site-packages", "lib2to3"}
ROOT = STDLIB
MODE = "stdlib"


def files() -> list:
    sample = HOLDOUT if MODE == "holdout" else SITE_SAMPLE
    roots = [SITE / name for name in sample] if ROOT == SITE else [ROOT]
    out = []
    for path in sorted(p for root in roots for p in root.rglob("*.py")):
        parts = set(path.relative_to(ROOT).parts[:-1])
        if parts & SKIP or any(p.startswith("test") for p in parts):
            continue
        out.append(str(path))
    return out


def main() -> None:
    global ROOT, MODE
    if sys.argv[1:2] in (["site"], ["holdout"]):
        ROOT, MODE = SITE, sys.argv[1]
    options = tuple(arg.split("=", 1) for arg in sys.argv[2:])  # e.g. LKL201:unknown-keys=1
    paths = files()
    rule_options = {}
    for key, value in options:
        code, name = key.split(":")
        rule_options.setdefault(code, []).append((name, value == "1"))
    settings = Settings(
        select=("LKL2",), exclude=(), root=str(ROOT),
        rule_options=tuple((code, tuple(items)) for code, items in rule_options.items()),
    )
    start = time.perf_counter()
    report = lint_paths(paths, settings)
    elapsed = time.perf_counter() - start
    rows = [
        {"path": str(Path(f.path).relative_to(ROOT)), "line": f.line, "code": f.code, "confidence": f.confidence.value,
         "message": f.message, "suggestion": f.suggestion}
        for f in report.findings
    ]
    json.dump(rows, sys.stdout, indent=1)
    print(f"\n{len(paths)} files, {len(rows)} findings, {elapsed:.1f}s, internal errors {report.internal_errors}", file=sys.stderr)


if __name__ == "__main__":
    main()
