"""One file with hundreds of fixable findings, in every output format and in the language server.

Not a test: run it by hand (about a minute)::

    python bench/many_findings.py                 # 300 functions, about 2,100 lines
    python bench/many_findings.py --functions 600

Every format must cost about what the concise one does: fix edits are computed per edited
statement, so the time grows with the file, not with the file times its findings. Each command
is a separate process timed end to end (interpreter start and imports included); the server row
is the time from ``didOpen`` to the published diagnostics (debounce 0), start-up excluded.
Each row is the best of ``--repeat`` runs: on a shared machine the minimum is the least noisy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Tuple

HERE = Path(__file__).resolve().parent
FORMATS = ("concise", "full", "json", "sarif", "github", "gitlab")


def many_findings_source(functions: int = 300) -> str:
    """About 7 lines per function, each with one safely fixable LKL301 finding."""
    lines = ["import json", ""]
    for index in range(functions):
        lines += [
            "",
            f"def load_{index}(path):",
            f'    """Load settings number {index}."""',
            f"    total = {index}",
            "    total += 1",
            "    total *= 2",
            "    return json.load(open(path))",
        ]
    return "\n".join(lines) + "\n"


def time_format(path: Path, fmt: str) -> Tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "leaklint", "check", "--no-cache", "--format", fmt, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - start, done.returncode


def time_server(path: Path, text: str) -> Tuple[float, int]:
    sys.path.insert(0, str(HERE.parent / "tests"))
    from lsp_driver import LspProcess

    server = LspProcess([sys.executable, "-m", "leaklint", "server"], path.parent)
    try:
        server.initialize(path.parent, {"debounce": 0})
        start = time.perf_counter()
        server.open(path.as_uri(), text)
        diagnostics = server.diagnostics(path.as_uri(), version=1, timeout=600)
        elapsed = time.perf_counter() - start
        server.shutdown_and_exit()
    finally:
        server.kill()
    return elapsed, len(diagnostics)


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--functions", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs per row (default: 3)")
    args = parser.parse_args(argv)
    text = many_findings_source(args.functions)
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "many_findings.py"
        path.write_text(text, encoding="utf-8")
        print(f"{text.count(chr(10))} lines, {args.functions} fixable findings")
        print("| output | wall s | x concise |")
        print("|---|---:|---:|")
        concise = None
        for fmt in FORMATS:
            seconds, code = min(time_format(path, fmt) for _ in range(args.repeat))
            concise = concise or seconds
            print(f"| `--format {fmt}` (exit {code}) | {seconds:.2f} | {seconds / concise:.2f} |")
        try:
            seconds, count = min(time_server(path, text) for _ in range(args.repeat))
        except ImportError:
            print("| server | (needs leaklint[server]) | |")
        else:
            print(f"| server: didOpen to {count} diagnostics | {seconds:.2f} | {seconds / concise:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
