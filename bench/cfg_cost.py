"""What the control-flow graphs cost: built lazily during a lint run, and built for every function.

    python bench/cfg_cost.py [folder] [--limit N]

One process, CPU seconds (``time.process_time``): a bare ``libcst.parse_module`` of every file,
a full ``lint_source`` of every file with the graph builder timed from inside, and, as an upper
bound, a graph for every function of every file (what it would cost if graphs were not lazy).
"""

from __future__ import annotations

import argparse
import sysconfig
import time
from pathlib import Path
from typing import List

import libcst as cst

from leaklint import lint_source
from leaklint.analysis.walk import walk
from leaklint.flow import cfg

SKIPPED = {"test", "tests", "idle_test", "site-packages"}


def corpus(folder: Path, limit: int) -> List[Path]:
    files = sorted(p for p in folder.rglob("*.py") if not SKIPPED & set(p.relative_to(folder).parts))
    return files[:limit] if limit else files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=sysconfig.get_paths()["stdlib"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (sorted by path)")
    args = parser.parse_args()
    files = corpus(Path(args.folder), args.limit)
    sources = []
    for path in files:
        try:
            sources.append((str(path), path.read_text(encoding="utf-8")))
        except (UnicodeDecodeError, OSError):
            continue
    lines = sum(source.count("\n") for _, source in sources)

    start = time.process_time()
    modules = []
    for _, source in sources:
        try:
            modules.append(cst.parse_module(source))
        except Exception:  # noqa: BLE001 - a file libcst cannot parse is not part of the measure
            continue
    parse = time.process_time() - start

    # Upper bound: a graph for every function of every file.
    start = time.process_time()
    functions = 0
    for module in modules:
        for node in walk(module):
            if isinstance(node, cst.FunctionDef):
                cfg.ControlFlowGraph.build(node)
                functions += 1
    every = time.process_time() - start
    del modules

    # A real run: graphs only where something is acquired.
    built = [0, 0.0]
    original = cfg.ControlFlowGraph.build.__func__  # type: ignore[attr-defined]

    def timed(klass, scope):  # type: ignore[no-untyped-def]
        begin = time.process_time()
        try:
            return original(klass, scope)
        finally:
            built[0] += 1
            built[1] += time.process_time() - begin

    cfg.ControlFlowGraph.build = classmethod(timed)  # type: ignore[method-assign, assignment]
    start = time.process_time()
    for path, source in sources:
        lint_source(source, path)
    lint = time.process_time() - start
    cfg.ControlFlowGraph.build = classmethod(original)  # type: ignore[method-assign, assignment]

    print(f"files {len(sources)}, lines {lines}, functions {functions}")
    print(f"parse (floor)             {parse:8.2f} s  1.00x")
    print(f"lint_source, every rule   {lint:8.2f} s  {lint / parse:.2f}x")
    print(f"  graphs built lazily     {built[1]:8.2f} s  {built[1] / parse:.3f}x  ({built[0]} graphs)")
    print(f"graphs for every function {every:8.2f} s  {every / parse:.3f}x  ({functions} graphs)")


if __name__ == "__main__":
    main()
