"""Time the LKL20x rules against the engine alone (parse + walk, no tree rule) on the stdlib.

CPU time of the process (the engine parses in a worker thread), so other load on the machine
does not count."""
from __future__ import annotations

import time

import run_corpus
from leaklint.config import Settings
from leaklint.runner import lint_files


def timed(select: tuple, paths: list) -> float:
    settings = Settings(select=select, exclude=(), root=str(run_corpus.ROOT))
    start = time.process_time()
    lint_files(paths, settings)
    return time.process_time() - start


def main() -> None:
    paths = run_corpus.files()
    for round_ in range(3):
        base = timed(("LKL001",), paths)
        ours = timed(("LKL201", "LKL202", "LKL203"), paths)
        print(f"round {round_}: engine alone {base:.1f}s, with LKL201-203 {ours:.1f}s, ratio {ours / base:.3f}")


if __name__ == "__main__":
    main()
