"""Compare LKL203 with ruff's B019 (cached-instance-method) on the same files.

Usage: python eval/compare_b019.py {stdlib,site,holdout} LKL_FINDINGS.json
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import run_corpus


def main() -> None:
    mode, findings_path = sys.argv[1], sys.argv[2]
    if mode != "stdlib":
        run_corpus.ROOT, run_corpus.MODE = run_corpus.SITE, mode
    paths = run_corpus.files()
    ruff = Path(sys.executable).with_name("ruff")
    out = subprocess.run(
        [str(ruff), "check", "--isolated", "--no-cache", "--select", "B019", "--output-format", "json", *paths],
        capture_output=True, text=True,
    )
    b019 = {(str(Path(r["filename"]).relative_to(run_corpus.ROOT)), r["location"]["row"]) for r in json.loads(out.stdout or "[]")}
    ours = {(r["path"], r["line"]) for r in json.load(open(findings_path)) if r["code"] == "LKL203"}
    ours_methods = {(r["path"], r["line"]) for r in json.load(open(findings_path)) if r["code"] == "LKL203" and "on method" in r["message"]}
    print(f"B019: {len(b019)}  LKL203: {len(ours)} (methods {len(ours_methods)})")
    print("both:", sorted(b019 & ours))
    print("B019 only:", sorted(b019 - ours))
    print("LKL203 only:", sorted(ours - b019))


if __name__ == "__main__":
    main()
