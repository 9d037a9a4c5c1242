"""leaklint's benchmark: its time as a ratio to a bare libcst parse of the same files.

Not a test: run it by hand (it takes a few minutes on the standard library)::

    python bench/run.py                       # the running Python's stdlib, without test folders
    python bench/run.py path/to/project --jobs 2 --scale 10 --peers ruff,bugbear

Everything is measured from ONE run of this script, on a private copy of the corpus (the touched
file and the scaled copies must not change the original), each command as a separate process timed
end to end (interpreter start, imports, pool start-up included) with the peak RSS of the largest
process in its tree (``wait4``'s ``ru_maxrss``). The floor is ``libcst.parse_module`` of every file
spread over the same number of processes leaklint uses, with the same scheduling (fork, largest
files first).

flake8 runs every installed plugin whatever ``--select`` says (``--select`` only filters what is
reported), so "flake8 --select LKL" costs pycodestyle + pyflakes + mccabe + leaklint. The plugin's
added time is measured against the same flake8 command with leaklint's entry point hidden from
flake8's plugin finder (``bench/flake8_without.py``): same flake8, same other plugins, same files
and options, as if leaklint were not installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence

HERE = Path(__file__).resolve().parent
TEST_FOLDERS = {"test", "tests", "idle_test", "__pycache__", "site-packages"}
# Folder names leaklint (and ruff) skip by default: left out of the copy so that every tool
# sees exactly the same files.
SKIPPED_FOLDERS = {"venv", "env", ".venv", "build", "dist", "node_modules", ".git", ".tox", ".nox"}


@dataclass
class Measure:
    label: str
    seconds: float
    rss_mb: float
    returncode: int
    note: str = ""
    cpu: float = 0.0  # user + system seconds of the process and its waited-for children


# -- the corpus -----------------------------------------------------------------------------------


def default_corpus() -> Path:
    return Path(sysconfig.get_paths()["stdlib"])


def corpus_files(root: Path) -> List[Path]:
    """Python files under ``root`` (relative), test folders and default-excluded folders left out."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d not in TEST_FOLDERS | SKIPPED_FOLDERS and not d.startswith("."))
        for name in sorted(names):
            if name.endswith(".py"):
                found.append((Path(folder) / name).relative_to(root))
    return found


def copy_corpus(source: Path, files: Sequence[Path], target: Path) -> None:
    for relative in files:
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / relative, destination)


def scaled_corpus(work: Path, single: Path, files: Sequence[Path], copies: int) -> List[str]:
    """``copies`` copies of the corpus, each inside its own package ``copyN`` (distinct module names)."""
    root = work / f"scaled{copies}"
    listed: List[str] = []
    for index in range(copies):
        package = root / f"copy{index}"
        copy_corpus(single, files, package)
        (package / "__init__.py").touch()
        listed.extend(str(package / f) for f in files)
    return listed


def count_lines(paths: Sequence[str]) -> int:
    total = 0
    for path in paths:
        with open(path, "rb") as handle:
            total += handle.read().count(b"\n")
    return total


# -- running one command --------------------------------------------------------------------------


def run(label: str, command: Sequence[str], cwd: Path, env: Optional[Dict[str, str]] = None, note: str = "") -> Measure:
    """Run ``command`` to completion; wall seconds and the peak RSS of its largest process."""
    if env is None:
        env = dict(os.environ)
    # Installed packages run from bytecode (pip compiles at install time); a development
    # environment with PYTHONDONTWRITEBYTECODE would recompile every module on every run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        # wait4 reports the child's rusage merged with its waited-for descendants: ru_maxrss is
        # then the largest RSS of any process in the tree (KiB on Linux).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            err.seek(0)
            tail = err.read().decode("utf-8", "replace")[-2000:]
            print(f"  ! {label}: exit code {process.returncode}\n{tail}", file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    measure = Measure(label, seconds, usage.ru_maxrss / 1024, process.returncode, note, cpu)
    print(f"  {label:<44} {seconds:8.2f} s  cpu {cpu:8.2f} s  {measure.rss_mb:7.0f} MB", file=sys.stderr)
    return measure


def _compile_leaklint() -> None:
    """Write leaklint's bytecode first, as ``pip install`` does: an editable install run under
    PYTHONDONTWRITEBYTECODE has none, and compiling its modules is not what a user pays."""
    import compileall

    import leaklint

    compileall.compile_dir(str(Path(leaklint.__file__).parent), quiet=1)


def find_tool(name: str) -> Optional[str]:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


# -- the floor (also run as this script's own worker mode) ----------------------------------------

_parse = None


def _parse_one(path: str) -> int:
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        _parse(data)  # type: ignore[misc]
    except Exception:  # noqa: BLE001 - a file libcst refuses still cost its attempt
        return 0
    return 1


def floor_main(list_file: str, jobs: int) -> int:
    """Parse every listed file with libcst, over ``jobs`` forked processes, largest first."""
    global _parse
    import libcst

    _parse = libcst.parse_module
    paths = Path(list_file).read_text().split("\n")
    paths = [p for p in paths if p]
    paths.sort(key=lambda p: -os.path.getsize(p))
    if jobs <= 1:
        parsed = sum(_parse_one(p) for p in paths)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            parsed = sum(pool.map(_parse_one, paths, chunksize=1))
    print(f"parsed {parsed} of {len(paths)}")
    return 0


# -- the benchmark --------------------------------------------------------------------------------


class Bench:
    def __init__(self, work: Path, jobs: int) -> None:
        self.work = work
        self.jobs = jobs
        self.python = sys.executable
        self.cache = work / "cache"

    def list_file(self, paths: Sequence[str], name: str) -> Path:
        target = self.work / name
        target.write_text("\n".join(paths) + "\n")
        return target

    def floor(self, paths: Sequence[str], label: str = "floor: libcst.parse_module") -> Measure:
        listed = self.list_file(paths, f"files-{len(paths)}.txt")
        return run(label, [self.python, str(Path(__file__).resolve()), "--floor-worker", str(listed), "--jobs", str(self.jobs)], self.work)

    def leaklint(self, label: str, paths: Sequence[str], *extra: str) -> Measure:
        command = [self.python, "-m", "leaklint", "check", "--select", "LKL", "--jobs", str(self.jobs)]
        command += ["--format", "concise", "--exit-zero", "--quiet", *extra, *paths]
        env = {**os.environ, "CI": "true"}  # no progress bar in the numbers
        return run(label, command, self.work, env)

    def flake8(self, label: str, paths: Sequence[str], select: str, hide: Sequence[str] = ()) -> Measure:
        command = [self.python, str(HERE / "flake8_without.py"), ",".join(hide)]
        command += ["--isolated", "--jobs", str(self.jobs), "--select", select, "--exit-zero", *paths]
        return run(label, command, self.work)


def ratio_table(rows: Sequence[Measure], floor: Measure) -> str:
    lines = [
        "| run | wall s | x floor | CPU s | CPU x floor | peak RSS (MB) | note |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.label} | {row.seconds:.2f} | {row.seconds / floor.seconds:.2f} | {row.cpu:.2f} "
            f"| {row.cpu / floor.cpu:.2f} | {row.rss_mb:.0f} | {row.note} |"
        )
    return "\n".join(lines)


def touch_one(paths: Sequence[str], cwd: Path) -> str:
    """Change the content of one mid-sized file (a comment line appended): a real edit."""
    chosen = sorted(paths, key=lambda p: os.path.getsize(cwd / p))[len(paths) // 2]
    with open(cwd / chosen, "a", encoding="utf-8") as handle:
        handle.write(f"# touched by bench at {time.time()}\n")
    return chosen


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="a folder of Python files (default: the stdlib without tests)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for every tool (default: cores)")
    parser.add_argument("--scale", type=int, default=0, help="also check linear scaling on N copies (0: skip)")
    parser.add_argument("--scale-floor", action="store_true", help="also time the floor on the N copies")
    parser.add_argument("--peers", default="ruff,pylint,bugbear", help="peers to time, comma-separated ('' for none)")
    parser.add_argument("--skip-flake8", action="store_true", help="do not time the flake8 plugin")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    parser.add_argument("--floor-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor_worker:
        return floor_main(args.floor_worker, args.jobs)

    source = Path(args.corpus).resolve() if args.corpus else default_corpus()
    work = Path(tempfile.mkdtemp(prefix="leaklint-bench-"))
    try:
        return _bench(args, source, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {work}", file=sys.stderr)


def _bench(args: argparse.Namespace, source: Path, work: Path) -> int:
    files = corpus_files(source)
    corpus = work / "corpus"
    copy_corpus(source, files, corpus)
    paths = [str(Path("corpus") / f) for f in files]
    lines = count_lines([str(work / p) for p in paths])
    bench = Bench(work, args.jobs)
    import platform

    from leaklint import __version__
    from leaklint.registry import all_rules

    print(f"corpus: {source} ({len(paths)} files, {lines} lines)", file=sys.stderr)
    cpu = _cpu_name()
    header = [
        f"- machine: {platform.machine()} {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, libcst {_version('libcst')}, flake8 {_version('flake8')}, "
        f"ruff {_version('ruff')}, pylint {_version('pylint')}, flake8-bugbear {_version('flake8-bugbear')}, "
        f"leaklint {__version__} ({len(all_rules())} rules), jobs {args.jobs}",
        f"- corpus: {source} without test folders: {len(paths)} files, {lines} lines",
        f"- load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]
    _compile_leaklint()
    rows: List[Measure] = []
    floor = bench.floor(paths)
    rows.append(floor)
    rows.append(bench.leaklint("leaklint cold (--no-cache)", paths, "--no-cache"))
    rows.append(bench.leaklint("leaklint filling the cache", paths, "--cache-dir", str(bench.cache)))
    rows.append(bench.leaklint("leaklint warm (nothing changed)", paths, "--cache-dir", str(bench.cache)))
    touched = touch_one(paths, work)
    rows.append(bench.leaklint("leaklint after changing one file", paths, "--cache-dir", str(bench.cache)))
    rows[-1].note = touched
    cold = rows[1]
    without: Optional[Measure] = None
    if not args.skip_flake8 and find_tool("flake8"):
        with_plugin = bench.flake8("flake8 --select LKL", paths, "LKL")
        without = bench.flake8("same flake8 without leaklint", paths, "LKL", hide=["leaklint"])
        added = Measure(
            "leaklint's added time in flake8", with_plugin.seconds - without.seconds, with_plugin.rss_mb, 0,
            "difference of the two rows above", with_plugin.cpu - without.cpu,
        )
        rows += [with_plugin, without, added]
    peers = [p for p in args.peers.split(",") if p]
    if "ruff" in peers and find_tool("ruff"):
        env = {**os.environ, "RAYON_NUM_THREADS": str(args.jobs)}
        rows.append(run("ruff --select SIM115,B019,RUF006", [find_tool("ruff") or "ruff", "check", "--isolated", "--no-cache", "--exit-zero", "--select", "SIM115,B019,RUF006", *paths], work, env))
    if "bugbear" in peers and find_tool("flake8") and _importable("bugbear"):
        if without is not None:
            # flake8 runs every installed plugin whatever --select says: that run was this one.
            rows.append(Measure("flake8 + bugbear (no leaklint)", without.seconds, without.rss_mb, 0, "the run above, bugbear installed", without.cpu))
        else:
            rows.append(bench.flake8("flake8 + bugbear (no leaklint)", paths, "B", hide=["leaklint"]))
    if "pylint" in peers and find_tool("pylint"):
        command = [find_tool("pylint") or "pylint", "--disable=all", "--enable=consider-using-with", f"--jobs={args.jobs}", "--persistent=n", "--exit-zero", *paths]
        rows.append(run("pylint consider-using-with", command, work))
    report = ["\n".join(header), ratio_table(rows, floor)]
    warm_share = rows[3].seconds / cold.seconds
    report.append(f"warm / cold = {warm_share:.1%}; one changed file: {rows[4].seconds:.2f} s")
    if args.scale > 1:
        report.append(_scaling(bench, work, corpus, files, args.scale, floor, cold, args.scale_floor))
    text = "\n\n".join(report)
    print(text)
    return 0


def _scaling(
    bench: Bench, work: Path, corpus: Path, files: Sequence[Path], copies: int, floor: Measure, cold: Measure, with_floor: bool
) -> str:
    paths = [os.path.relpath(p, work) for p in scaled_corpus(work, corpus, files, copies)]
    lines = count_lines([str(work / p) for p in paths])
    big = bench.leaklint(f"leaklint cold x{copies}", paths, "--no-cache")
    pairs = [("leaklint cold", cold, big)]
    if with_floor:
        pairs.insert(0, ("floor", floor, bench.floor(paths, f"floor x{copies}")))
    rows = [
        f"Linear scaling: the corpus copied {copies} times under packages copy0..copy{copies - 1} "
        f"({len(paths)} files, {lines} lines).",
        "",
        "| run | single wall s | x{0} wall s | wall growth | CPU growth (ideal {0}) | peak RSS x{0} (MB) |".format(copies),
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, small, large in pairs:
        rows.append(
            f"| {name} | {small.seconds:.2f} | {large.seconds:.2f} | {large.seconds / small.seconds:.2f} "
            f"| {large.cpu / small.cpu:.2f} | {large.rss_mb:.0f} |"
        )
    return "\n".join(rows)


def _version(distribution: str) -> str:
    try:
        from importlib.metadata import version

        return version(distribution)
    except Exception:  # noqa: BLE001 - not installed
        return "not installed"


def _importable(name: str) -> bool:
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({name!r}) is None)"
    return subprocess.run([sys.executable, "-c", code]).returncode == 0


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform

    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    raise SystemExit(main())
