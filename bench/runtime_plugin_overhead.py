"""What leaklint's pytest plugin costs: off (installed, not enabled) and on, per test.

Writes a suite of N trivial tests to a temporary folder and runs it with pytest, in fresh
processes, alternating: without the plugin (`-p no:leaklint`), installed but off, on, and on
without tracemalloc. Reports the best CPU time (user + system) of each over R rounds, which is
steadier than wall time on a loaded machine, and the difference per test.

    python bench/runtime_plugin_overhead.py [N] [R]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Dict, List

VARIANTS = {
    "plugin not loaded (-p no:leaklint)": ["-p", "no:leaklint"],
    "installed, off": [],
    "on (--leaklint)": ["--leaklint"],
    "on, tracemalloc off": ["--leaklint", "--leaklint-tracemalloc=0"],
}


def cpu_seconds(args: List[str], cwd: str) -> float:
    before = os.times()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args],
        cwd=cwd, check=True, capture_output=True,
    )
    after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def main() -> None:
    tests = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder:
        body = "".join(f"def test_{i}():\n    assert [{i}] * 2\n\n\n" for i in range(tests))
        Path(folder, "test_many.py").write_text(body)
        Path(folder, "pytest.ini").write_text("[pytest]\n")
        best: Dict[str, float] = {}
        for _ in range(rounds):
            for name, args in VARIANTS.items():
                seconds = cpu_seconds(args, folder)
                best[name] = min(best.get(name, seconds), seconds)
    base = best["plugin not loaded (-p no:leaklint)"]
    print(f"{tests} trivial tests, best CPU seconds of {rounds} runs")
    for name, seconds in best.items():
        print(f"  {name:<36} {seconds:7.2f} s   {1e6 * (seconds - base) / tests:+8.1f} us/test")


if __name__ == "__main__":
    main()
