"""Run LKL303/LKL304/LKL401 over a tree (default: the CPython stdlib without tests) and print findings."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from leaklint.config import Settings
from leaklint.runner import lint_paths

STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11"
PATHS = sys.argv[1:] or [STDLIB]
ROOT = STDLIB if PATHS == [STDLIB] else "/"
CODES = ("LKL303", "LKL304", "LKL401")
EXCLUDE = ("test", "tests", "idle_test", "site-packages", "lib2to3/tests", "__pycache__")


def main() -> None:
    settings = Settings(select=CODES, root=ROOT, exclude=("__pycache__",), extend_exclude=EXCLUDE)
    start = time.perf_counter()
    report = lint_paths(PATHS, settings)
    elapsed = time.perf_counter() - start
    rows = []
    for f in report.findings:
        rows.append({"path": str(Path(f.path).relative_to(STDLIB)), "line": f.line, "code": f.code,
                     "confidence": f.confidence.value, "message": f.message, "suggestion": f.suggestion})
    json.dump(rows, sys.stdout, indent=1)
    counts = {code: sum(1 for r in rows if r["code"] == code) for code in CODES + ("LKL002",)}
    print(f"\n# files={report.files_checked} seconds={elapsed:.1f} counts={counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
