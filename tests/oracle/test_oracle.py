"""The behavioural oracle: every probe program runs before and after leaklint fixes it (safe fixes,
then safe and unsafe fixes), in subprocesses with a timeout, and must print, raise and write the
same. A safe fix must never change behaviour; an unsafe fix may change only the timing of a
release, so only probes marked ``observes_release`` (they read back a file they are still writing)
may print something else under unsafe fixes, and even they must raise and write the same.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest

from leaklint.fixes.loop import fix_source
from leaklint.registry import all_rules
from oracle_probes import Probe, all_probes

RUNNER = Path(__file__).with_name("oracle_runner.py")
BATCHES = 2  # the CI machines have two cores
BATCH_TIMEOUT = 150

pytestmark = pytest.mark.slow


def _run(jobs: List[Dict[str, str]], folder: Path, batch: int) -> Dict[str, Any]:
    jobs_file, results_file = folder / f"jobs{batch}.json", folder / f"results{batch}.json"
    jobs_file.write_text(json.dumps(jobs))
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
    completed = subprocess.run(
        [sys.executable, str(RUNNER), str(jobs_file), str(results_file)],
        capture_output=True,
        text=True,
        timeout=BATCH_TIMEOUT,
        env=env,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return json.loads(results_file.read_text())


def run_programs(programs: Dict[str, str], folder: Path) -> Dict[str, Any]:
    """Run each program (id -> source) in a fresh working folder; what each printed, raised, wrote."""
    jobs: List[Dict[str, str]] = []
    for number, (key, source) in enumerate(sorted(programs.items())):
        path = folder / "src" / f"p{number}.py"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source)
        jobs.append({"id": key, "source": str(path), "workdir": str(folder / "work" / f"p{number}")})
    batches = [jobs[i::BATCHES] for i in range(BATCHES)]
    results: Dict[str, Any] = {}
    with ThreadPoolExecutor(BATCHES) as pool:
        for part in pool.map(lambda args: _run(args[1], folder, args[0]), enumerate(batches)):
            results.update(part)
    return results


def _fixed(probe: Probe, unsafe: bool) -> str:
    outcome = fix_source(probe.source, f"{probe.name.replace('/', '_')}.py", all_rules(), {}, unsafe=unsafe)
    assert not outcome.problems, (probe.name, outcome.problems)
    return str(outcome.source)


def _difference(before: Dict[str, Any], after: Dict[str, Any], compare_stdout: bool) -> str:
    problems = []
    if compare_stdout and before["stdout"] != after["stdout"]:
        problems.append(f"stdout {before['stdout']!r} -> {after['stdout']!r}")
    if before["error"] != after["error"]:
        problems.append(f"exception {before['error']} -> {after['error']}")
    if before["files"] != after["files"]:
        problems.append(f"files {before['files']} -> {after['files']}")
    return "; ".join(problems)


def test_probe_corpus_is_large_and_varied() -> None:
    probes = all_probes()
    assert len(probes) >= 200
    assert len({p.name for p in probes}) == len(probes)
    kinds = {p.name.split("/")[0] for p in probes}
    assert len(kinds) >= 10


def test_fixes_never_change_what_a_probe_does(tmp_path: Path) -> None:
    probes = all_probes()
    programs: Dict[str, str] = {}
    fixed_by: Dict[str, Tuple[str, str]] = {}
    for probe in probes:
        programs[f"{probe.name}#original"] = probe.source
        safe, unsafe = _fixed(probe, unsafe=False), _fixed(probe, unsafe=True)
        fixed_by[probe.name] = (safe, unsafe)
        if safe != probe.source:
            programs[f"{probe.name}#safe"] = safe
        if unsafe != safe:
            programs[f"{probe.name}#unsafe"] = unsafe
    results = run_programs(programs, tmp_path)

    failures: List[str] = []
    safe_count = unsafe_count = 0
    for probe in probes:
        before = results[f"{probe.name}#original"]
        assert before["error"] != "Timeout", probe.name
        safe_key, unsafe_key = f"{probe.name}#safe", f"{probe.name}#unsafe"
        if safe_key in results:
            safe_count += 1
            problem = _difference(before, results[safe_key], compare_stdout=True)
            if problem:
                failures.append(f"{probe.name} (safe fix): {problem}\n{fixed_by[probe.name][0]}")
        if unsafe_key in results:
            unsafe_count += 1
            problem = _difference(before, results[unsafe_key], compare_stdout=not probe.observes_release)
            if problem:
                failures.append(f"{probe.name} (unsafe fix): {problem}\n{fixed_by[probe.name][1]}")
    assert not failures, f"{len(failures)} probes changed behaviour:\n\n" + "\n\n".join(failures[:10])
    # The oracle must exercise fixes, not only run programs leaklint leaves alone.
    assert safe_count >= 60, safe_count
    assert unsafe_count >= 10, unsafe_count


def test_the_oracle_catches_a_fix_that_closes_too_soon(tmp_path: Path) -> None:
    """The shape issue 19 started from, fixed the old, wrong way: the oracle must see it."""
    probe = next(p for p in all_probes() if p.name == "file-read/map/function")
    broken = probe.source.replace(
        "    f = open('data.txt')\n    return map(str.strip, f)\n",
        "    with open('data.txt') as f:\n        return map(str.strip, f)\n",
    )
    assert broken != probe.source
    results = run_programs({"original": probe.source, "broken": broken}, tmp_path)
    assert results["original"]["error"] is None
    assert results["broken"]["error"] == "ValueError"  # I/O operation on closed file
    assert _difference(results["original"], results["broken"], compare_stdout=True)
