"""Peak resident memory of a command and of each process it starts, sampled from ``/proc``.

Not a test: run it by hand (Linux only)::

    python bench/memory.py -- leaklint check --no-cache FILES...
    python bench/memory.py --huge 10 functions     # generate a 10 MB module of functions, check it
    python bench/memory.py --huge 50 literal       # a 50 MB module holding one dict literal
    python bench/memory.py --sweep FOLDER... -- -j 2   # every .py file under the folders


Each process's peak is its ``VmHWM`` (the kernel's high-water mark of its resident set), read
every ``--interval`` seconds while it lives; the parent's and the largest child's are reported,
and the whole tree's peak from ``wait4`` as a check. ``--huge`` writes the generated file to a
temporary folder, prints its size, and checks it with ``leaklint check --no-cache -j 1``.
``--sweep`` checks every ``.py`` file under the given folders with ``leaklint check --no-cache
--statistics``, the files named on the command line (so the default excludes, ``site-packages``
among them, do not apply); what follows ``--`` is added to that command (``-j 1``).

The process that runs ``lint_files`` (the main process: with ``-j 1`` the only one) also reports
its own peak per phase, through ``LEAKLINT_MEMORY_LOG`` (leaklint.runner.log_memory): while files
are checked, in the project pass (rebuilding the results, the cross-file rules), and while the
report's findings are read back and sorted. Each phase's peak is its own (the high-water mark is
reset between phases).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

# One block of "functions": a class holding a list of its children, a child pointing back, a
# function that opens a file without closing it and one that starts a thread and drops it.
# About 470 bytes of dense, ordinary-looking code with several findings.
_FUNCTIONS_BLOCK = '''
class Tree{i}:
    def __init__(self, size=1):
        self.children = [Node{i}(self, k) for k in range(size)]

    def total(self):
        return sum(child.value * 2 + 1 for child in self.children)


class Node{i}:
    def __init__(self, parent, value):
        self.parent = parent
        self.value = value


def load{i}(path, default=None):
    handle = open(path)
    return handle.read() or default


def start{i}(job, args=()):
    worker = threading.Thread(target=job, args=args)
    worker.start()
    return job
'''

_LITERAL_ROW = "    'key{i}': [{i}, {j}, 'value {i}', ({i}, None)],\n"


def huge_source(megabytes: float, kind: str) -> str:
    """A module of about ``megabytes`` MB: ``functions`` (many small definitions) or ``literal``
    (one ``DATA = {...}`` of lists)."""
    target = int(megabytes * 2**20)
    parts: List[str] = []
    size = 0
    i = 0
    if kind == "functions":
        parts.append("import threading\n")
        while size < target:
            block = _FUNCTIONS_BLOCK.format(i=i)
            parts.append(block)
            size += len(block)
            i += 1
        return "".join(parts)
    if kind == "literal":
        parts.append("DATA = {\n")
        while size < target:
            row = _LITERAL_ROW.format(i=i, j=i + 1)
            parts.append(row)
            size += len(row)
            i += 1
        parts.append("}\n")
        return "".join(parts)
    raise ValueError(kind)


def sweep_files(folders: Sequence[str]) -> List[str]:
    """Every ``.py`` file under ``folders``, in walk order."""
    found: List[str] = []
    for folder in folders:
        for root, subfolders, names in os.walk(folder):
            subfolders.sort()
            found.extend(os.path.join(root, name) for name in sorted(names) if name.endswith(".py"))
    return found


def _children(pid: int) -> List[int]:
    found: List[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found.extend(int(child) for child in handle.read().split())
        except OSError:
            pass
    return found


def _high_water_mb(pid: int) -> Optional[float]:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def measure(
    command: Sequence[str], interval: float = 0.1, env: Optional[Dict[str, str]] = None
) -> Tuple[int, float, float, Dict[int, float], float]:
    """(exit code, wall seconds, parent's peak MB, each descendant's peak MB, tree peak MB)."""
    started = time.monotonic()
    process = subprocess.Popen(command, env=env)
    peaks: Dict[int, float] = {}
    status = None
    while status is None:
        pending = [process.pid]
        while pending:
            pid = pending.pop()
            mark = _high_water_mb(pid)
            if mark is not None:
                peaks[pid] = max(peaks.get(pid, 0.0), mark)
            pending.extend(_children(pid))
        time.sleep(interval)
        status = process.poll()
    wall = time.monotonic() - started
    # The tree's largest process, from the kernel's accounting of waited-for children.
    tree_peak = _rusage_children_mb()
    parent = peaks.pop(process.pid, 0.0)
    return status, wall, parent, peaks, tree_peak


_PHASES = {"checked": "checking files", "project pass": "project pass", "report": "reading back the findings"}


def phase_peaks(log: str) -> Dict[int, Dict[str, float]]:
    """pid -> {phase: peak MB} from a ``LEAKLINT_MEMORY_LOG`` file (each line: pid, phase, then
    the resident size and the peak since the previous line, in KB)."""
    peaks: Dict[int, Dict[str, float]] = {}
    try:
        with open(log) as handle:
            lines = handle.read().splitlines()
    except OSError:
        return peaks
    for line in lines:
        pid, rest = line.split(" ", 1)
        phase, _, high = rest.rsplit(" ", 2)
        if phase in _PHASES and high.isdigit():
            phases = peaks.setdefault(int(pid), {})
            phases[_PHASES[phase]] = max(phases.get(_PHASES[phase], 0.0), int(high) / 1024)
    return peaks


def _rusage_children_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--huge", nargs=2, metavar=("MB", "KIND"), help="generate a file (functions|literal) and check it")
    parser.add_argument("--keep", help="write the generated file here instead of a temporary folder")
    parser.add_argument("--sweep", nargs="+", metavar="FOLDER", help="check every .py file under these folders")
    parser.add_argument("--interval", type=float, default=0.1)
    parser.add_argument("command", nargs="*", help="the command to measure (after --)")
    args = parser.parse_args(argv)
    if args.huge:
        megabytes, kind = float(args.huge[0]), args.huge[1]
        folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="leaklint-huge-"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{kind}_{args.huge[0]}mb.py"
        path.write_text(huge_source(megabytes, kind))
        size = path.stat().st_size / 2**20
        print(f"{path}: {size:.1f} MB", flush=True)
        command = [sys.executable, "-m", "leaklint", "check", "--no-cache", "--statistics", "-j", "1", str(path)]
        command += args.command
    elif args.sweep:
        size = 0.0
        files = sweep_files(args.sweep)
        total = sum(os.path.getsize(path) for path in files) / 2**20
        print(f"{len(files)} files, {total:.0f} MB", flush=True)
        command = [sys.executable, "-m", "leaklint", "check", "--no-cache", "--statistics", *args.command, *files]
    else:
        size = 0.0
        command = args.command
    if not command:
        parser.error("nothing to measure")
    log = tempfile.NamedTemporaryFile(prefix="leaklint-memory-", suffix=".log", delete=False)
    log.close()
    env = {**os.environ, "LEAKLINT_MEMORY_LOG": log.name}
    try:
        code, wall, parent, children, tree = measure(command, args.interval, env)
        phases = phase_peaks(log.name)
    finally:
        os.unlink(log.name)
    for pid, peaks in sorted(phases.items()):
        parent = max(parent, *peaks.values()) if peaks else parent
        shown = "; ".join(f"{phase} {peak:.0f} MB" for phase, peak in peaks.items())
        print(f"process {pid} (runs the project pass): {shown}")
    largest = max(children.values(), default=0.0)
    if children:
        shown = ", ".join(f"{peak:.0f}" for peak in sorted(children.values(), reverse=True)[:8])
        print(f"child processes' peaks (largest first): {shown} MB")
    print(f"exit {code}, {wall:.1f} s wall")
    print(f"parent peak RSS {parent:.0f} MB; {len(children)} child processes, largest peak {largest:.0f} MB;"
          f" largest process (wait4) {tree:.0f} MB")
    if size:
        print(f"peak / file size: {max(parent, largest) / size:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
