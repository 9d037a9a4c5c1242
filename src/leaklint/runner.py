"""Linting many files: finding them, checking each, then the project pass."""

from __future__ import annotations

import gc
import os
import pickle
import sys
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Sequence, Set, Tuple

from leaklint.config import Settings
from leaklint.engine import FileResult, analyze_source, project_findings, select_project_findings
from leaklint.rule import Finding
from leaklint.spool import PackedFacts, Spool
from leaklint.suppression import Suppressions

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.cache import Cache

PYTHON_SUFFIXES = (".py", ".pyi")


@dataclass
class Problem:
    """A path that could not be checked at all (missing, unreadable): reported, exit code 2."""

    path: str
    message: str


@dataclass
class Report:
    findings: List[Finding] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    files_checked: int = 0
    fixed: int = 0  # fixes applied by --fix (the findings are those left afterwards)
    unchanged: int = 0  # findings left out by --diff-base (on lines that did not change)

    @property
    def internal_errors(self) -> int:
        return sum(1 for finding in self.findings if finding.code == "LKL002")


def discover(paths: Sequence[str], settings: Settings, force_exclude: bool = False) -> Tuple[List[str], List[Problem]]:
    """Python files under ``paths``. Walked ones obey excludes; a path named here is checked even
    when an exclude matches it, unless ``force_exclude`` (pre-commit and editors name every file)."""
    files: List[str] = []
    problems: List[Problem] = []
    seen: Set[str] = set()

    def add(path: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        path = Path(given)
        if force_exclude and is_force_excluded(given, settings):
            continue
        if not os.path.lexists(given):
            problems.append(Problem(given, "no such file or directory"))
        elif path.is_dir():
            for found in _walk_directory(path, settings, problems):
                add(found)
        elif path.is_file():
            add(given)
        else:
            problems.append(Problem(given, _not_a_file(given)))
    return files, problems


def is_force_excluded(given: str, settings: Settings) -> bool:
    """Does an exclude pattern match ``given`` or a folder it is in, below the project root?

    Folders above the project root do not count: a project that lives under ``~/build/`` is not
    excluded by the default ``build`` pattern.
    """
    path = Path(os.path.abspath(given))
    root = Path(os.path.abspath(settings.root))
    try:
        inside = path.relative_to(root)
    except ValueError:
        return settings.is_excluded(path)
    candidates = [root / Path(*inside.parts[: depth + 1]) for depth in range(len(inside.parts))]
    return any(settings.is_excluded(candidate) for candidate in candidates)


def _not_a_file(path: str) -> str:
    """Why an existing path is neither a file nor a folder: a symlink loop, a dangling link..."""
    try:
        os.stat(path)
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    return "not a regular file or directory (a FIFO, socket or device is never opened)"


def _walk_directory(root: Path, settings: Settings, problems: List[Problem]) -> Iterator[str]:
    visited: Set[Tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        problems.append(Problem(str(error.filename or root), error.strerror or str(error)))

    for folder, subfolders, filenames in os.walk(root, onerror=on_error, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop: do not go round again
            subfolders[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        subfolders[:] = sorted(d for d in subfolders if not settings.is_excluded(Path(folder) / d))
        for name in sorted(filenames):
            if not name.endswith(PYTHON_SUFFIXES):
                continue
            candidate = Path(folder) / name
            if settings.is_excluded(candidate) or not candidate.is_file():
                continue
            yield str(candidate)


def read_file(path: str) -> Tuple[Optional[bytes], Optional[str]]:
    try:
        with open(path, "rb") as handle:
            return handle.read(), None
    except OSError as error:
        return None, error.strerror or str(error)


def lint_file(
    path: str, settings: Settings, data: Optional[bytes] = None, text_edits: bool = False,
    defer_segment_facts: bool = False,
) -> Tuple[Optional[FileResult], Optional[Problem]]:
    if data is None:
        data, error = read_file(path)
        if data is None:
            return None, Problem(path, f"cannot read: {error}")
    analysis = analyze_source(
        data, path, settings.rules_for(path), settings.rule_settings(), text_edits=text_edits,
        segment_size=settings.segment_size, defer_segment_facts=defer_segment_facts,
    )
    return analysis.result, None


# Below this much source, worker start-up (fork + libcst import) costs more than it saves.
_POOL_MIN_BYTES = 256 * 1024
_worker_settings: Optional[Settings] = None
_worker_text_edits = False
_worker_cache: Optional["Cache"] = None

Outcome = Tuple[Optional[FileResult], Optional[Problem]]
ProgressCallback = Callable[[int, int], None]


def _init_worker(settings: Settings, text_edits: bool, cache: Optional["Cache"] = None) -> None:
    global _worker_settings, _worker_text_edits, _worker_cache
    _worker_settings, _worker_text_edits, _worker_cache = settings, text_edits, cache
    # Everything alive now (libcst, the rules) lives as long as the worker: keep the collector
    # from scanning it again and again, and from touching the pages shared with the parent.
    gc.freeze()


def _lint_in_worker(path: str, digest: bool) -> Tuple[Any, Optional[bytes]]:
    assert _worker_settings is not None
    outcome, content = _lint_one(path, _worker_settings, _worker_text_edits, digest)
    if _worker_cache is not None and outcome[0] is not None and content is not None:
        # The worker writes the entry: the parent would otherwise unpickle the live result,
        # encode it and pack it again (a fifth of the cost of filling the cache, in the process
        # that then runs the project pass).
        _worker_cache.store_digest(path, content, outcome[0])
    if outcome[0] is not None:
        return (PackedResult.of(outcome[0]), outcome[1]), content
    return outcome, content


_NOTHING_SILENCED = Suppressions()


@dataclass
class PackedResult:
    """A checked file's result packed until the project pass needs its facts and the report its
    findings: a few bytes per byte of source where the live objects take tens
    (leaklint.facts.records). The facts are one pickle per rule (``spool.PackedFacts``), so the
    project pass unpacks one rule's at a time; in the process that runs it, the pickles wait in a
    ``spool.Spool`` (a temporary file), not in memory."""

    path: str
    facts: PackedFacts
    suppressions: Suppressions
    findings: Any  # pickled findings, or their Ref in a spool

    @classmethod
    def of(cls, result: FileResult) -> "PackedResult":
        return cls(
            result.path,
            PackedFacts.pack(result.facts),
            result.suppressions,
            pickle.dumps(result.findings, protocol=pickle.HIGHEST_PROTOCOL),
        )

    def spooled(self, spool: Spool) -> "PackedResult":
        suppressions = self.suppressions
        if not (suppressions.lines or suppressions.file or suppressions.used):
            # Most files silence nothing: one shared empty object instead of one each (about
            # 400 bytes a file with its empty dict and set). Nothing changes a ``Suppressions``
            # without lines: ``silences`` records only the line comments it used.
            suppressions = _NOTHING_SILENCED
        return PackedResult(self.path, self.facts.spooled(spool), suppressions, spool.put(self.findings))

    def without_findings(self) -> FileResult:
        return FileResult(self.path, [], self.facts, self.suppressions)  # type: ignore[arg-type]


def _lint_one(path: str, settings: Settings, text_edits: bool, digest: bool) -> Tuple[Outcome, Optional[bytes]]:
    """Read and check one file; with ``digest``, also the hash of exactly the bytes checked."""
    data, error = read_file(path)
    if data is None:
        return (None, Problem(path, f"cannot read: {error}")), None
    # A segmented file's facts stay packed until the project pass (segments.DeferredFacts).
    outcome = lint_file(path, settings, data=data, text_edits=text_edits, defer_segment_facts=True)
    if _leaves_much_freed(data):
        _return_freed_memory()
    if not digest:
        return outcome, None
    from leaklint.cache import content_digest

    return outcome, content_digest(data)


def lint_files(
    files: Sequence[str],
    settings: Settings,
    jobs: Optional[int] = None,
    text_edits: bool = False,
    cache: Optional["Cache"] = None,
    progress: Optional[ProgressCallback] = None,
) -> Report:
    """Check ``files``: cached results first, the rest in worker processes when that pays.

    Cache lookups happen here, before any worker starts, so a warm run starts none. Workers read
    the files themselves and return the hash of what they checked, so a file edited meanwhile is
    never cached under the wrong content, and no source is held or sent around.
    """
    report = Report()
    total = len(files)
    outcomes: Dict[int, Outcome] = {}
    todo: List[Tuple[int, str, int]] = []  # index, path, size
    digests: Dict[int, bytes] = {}  # index -> content digest of what was checked (with a cache)
    if cache is not None:
        from leaklint.cache import content_digest
    for index, path in enumerate(files):
        if cache is None:
            todo.append((index, path, _size(path)))
            continue
        data, error = read_file(path)
        hit = cache.load(path, data) if data is not None else None
        if data is None:
            outcomes[index] = (None, Problem(path, f"cannot read: {error}"))
        elif hit is not None:
            outcomes[index] = (hit, None)
            digests[index] = content_digest(data)
        else:
            todo.append((index, path, len(data)))
    if progress is not None and outcomes:
        progress(len(outcomes), total)

    jobs = jobs or os.cpu_count() or 1
    # Results wait packed (PackedResult) until every file is checked, their pickles in a
    # temporary file (spool.Spool). Checking in this process, live results would add to every
    # later file's peak (project facts take up to 30 bytes per byte of source; on the 168
    # heaviest site-packages files, 300 MB against 227 MB packed), and this process holds every
    # file's results for the project pass: packed in memory, 120 MB on a sweep of 15,056 files.
    # Workers pack them themselves, and with a cache also write its entries (the parent stores
    # only what it checks itself). The project pass unpacks one rule's facts at a time; findings
    # are read back once it is done.
    packed: Dict[int, PackedResult] = {}
    spool = Spool()
    log_memory("checking")

    def finished(index: int, outcome: Any, digest: Optional[bytes]) -> None:
        result = outcome[0]
        if type(result) is PackedResult:
            packed[index] = result.spooled(spool)
            outcome = (None, outcome[1])
        outcomes[index] = outcome
        if cache is not None and result is not None and digest is not None:
            if type(result) is FileResult:  # a worker's PackedResult is stored already
                cache.store_digest(files[index], digest, result)
            digests[index] = digest
        if type(result) is FileResult:
            packed[index] = PackedResult.of(result).spooled(spool)
            outcomes[index] = (None, outcome[1])
        if progress is not None:
            progress(len(outcomes), total)

    try:
        _run(todo, settings, jobs, text_edits, cache is not None, finished, cache)
        if todo:
            # What checking left free (the trees of ``--jobs 1``, the pickles the pool's thread
            # read from the workers) goes back before the project pass builds its graphs on top.
            _return_freed_memory()
        log_memory("checked")
        results: List[FileResult] = []
        inputs: List[Tuple[str, bytes]] = []
        # In the order of the results, as finish() adds them: each file's findings' (offset,
        # length) in the spool, as two arrays rather than a tuple of two ints per file.
        findings_at, findings_length = array("q"), array("q")
        for index in range(total):
            result, problem = outcomes[index]
            if index in packed:
                item = packed.pop(index)
                result = item.without_findings()
                findings_at.append(item.findings[0])
                findings_length.append(item.findings[1])
            if problem is not None:
                report.problems.append(problem)
            elif result is not None:
                results.append(result)
                if index in digests:
                    inputs.append((files[index], digests[index]))
        project_key = cache.project_key(inputs) if cache is not None and len(inputs) == len(results) else None
        report = finish(report, results, settings, cache if project_key is not None else None, project_key)
        log_memory("project pass")
        if findings_at:
            for result in results:
                result.facts = {}  # the project pass is done with them
            del results
            # As if finish() had added them first: the sort is stable, and its other findings are
            # already in their sorted order.
            findings: List[Finding] = []
            for offset, length in zip(findings_at, findings_length):
                findings.extend(pickle.loads(spool.get((offset, length))))
            findings.extend(report.findings)
            findings.sort(key=Finding.sort_key)
            report.findings = findings
    finally:
        spool.close()
    log_memory("report")
    return report


def log_memory(phase: str) -> None:
    """With ``LEAKLINT_MEMORY_LOG`` set to a file, append this process's resident size and its
    peak so far (``VmRSS``, ``VmHWM`` from /proc, in KB) at ``phase``: how bench/memory.py tells
    the checking's peak from the project pass's in the process that runs both."""
    target = os.environ.get("LEAKLINT_MEMORY_LOG")
    if not target:
        return
    values = {}
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    values[line.split(":")[0]] = line.split()[1]
        with open(target, "a") as log:
            log.write(f"{os.getpid()} {phase} {values.get('VmRSS', '?')} {values.get('VmHWM', '?')}\n")
        # The next phase's peak is its own: "5" resets VmHWM to the current size (Linux 4.0+).
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass


def _run(
    todo: Sequence[Tuple[int, str, int]],
    settings: Settings,
    jobs: int,
    text_edits: bool,
    digest: bool,
    finished: Callable[[int, Any, Optional[bytes]], None],
    cache: Optional["Cache"] = None,
) -> None:
    if _pooled(todo, jobs):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        # Largest files first, so no worker is left with a big file at the end.
        ordered = sorted(todo, key=lambda item: -item[2])
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(todo)),
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(settings, text_edits, cache),
        ) as pool:
            futures = {pool.submit(_lint_in_worker, path, digest): index for index, path, _ in ordered}
            for future in as_completed(futures):
                # Popped: a future keeps its result, and this dict kept every future, so every
                # result a worker sent stayed in memory until the end (181 MB of packed results
                # on a 15,056-file sweep), whatever `finished` did with it.
                index = futures.pop(future)
                outcome, content = future.result()
                del future
                finished(index, outcome, content)
                del outcome, content
    else:
        for index, path, _ in todo:
            outcome, content = _lint_one(path, settings, text_edits, digest)
            finished(index, outcome, content)


def _pooled(todo: Sequence[Tuple[int, str, int]], jobs: int) -> bool:
    """Whether ``todo`` is checked in worker processes (else in this one)."""
    return jobs > 1 and len(todo) > 1 and sum(size for _, _, size in todo) >= _POOL_MIN_BYTES


# A syntax tree of a file this big leaves megabytes of freed heap behind; see _return_freed_memory.
_TRIM_MIN_BYTES = 64 * 1024


def _leaves_much_freed(data: bytes) -> bool:
    """Whether checking ``data`` built a tree big enough to trim after: a file of 64 KB or more,
    or a smaller one of dense code (three sympy modules of 40-63 KB left 40-70 MB each behind,
    which a one-process sweep then carried into its project pass)."""
    if len(data) >= _TRIM_MIN_BYTES:
        return True
    from leaklint.segments import punctuation_bound

    return punctuation_bound(data) >= _TRIM_MIN_BYTES * 2


def _return_freed_memory() -> None:
    """Hand the heap a big file's tree left free back to the system (glibc only).

    CPython frees the tree, but glibc keeps the pages for reuse, fragmented by the small objects
    that survive; one process checking many big files in turn (``--jobs 1``, or a worker) then
    grows from file to file. ``malloc_trim`` returns whole free pages; elsewhere this does nothing.
    """
    global _malloc_trim
    if _malloc_trim is None:
        _malloc_trim = _find_malloc_trim()
    if _malloc_trim is not False:
        _malloc_trim(0)


def _find_malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return False


_malloc_trim: Any = None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def finish(
    report: Report,
    results: Sequence[FileResult],
    settings: Settings,
    cache: Optional["Cache"] = None,
    project_key: Optional[str] = None,
) -> Report:
    """Add per-file findings and the project pass to ``report``.

    With ``cache`` and ``project_key`` (every file's content and entry key), the project pass's
    findings come from the cache when nothing changed: a warm run builds no class or flow graph.
    """
    for result in results:
        report.findings.extend(result.findings)
    report.files_checked += len(results)
    rules, rule_settings = settings.rules(), settings.rule_settings()
    produced = cache.load_project(project_key) if cache is not None and project_key is not None else None
    if produced is None:
        produced = project_findings(results, rules, rule_settings)
        if cache is not None and project_key is not None:
            cache.store_project(project_key, produced)
    report.findings.extend(select_project_findings(produced, results, rules, rule_settings, settings.rules_for))
    report.findings.extend(unused_noqa(results, settings))
    report.findings.sort(key=Finding.sort_key)
    return report


def unused_noqa(results: Sequence[FileResult], settings: Settings) -> List[Finding]:
    """LKL003 for every file, once the project pass has used its suppressions too."""
    from leaklint.unused_noqa import may_have_unused, unused_noqa_findings

    findings: List[Finding] = []
    for result in results:
        if not may_have_unused(result.suppressions):
            continue
        source = read_source(result.path)
        if source is not None:
            findings.extend(unused_noqa_findings(result.path, source, result.suppressions, settings.rules_for(result.path)))
    return findings


def read_source(path: str) -> Optional[str]:
    """The text of ``path`` as the engine decodes it, or None."""
    from leaklint.unused_noqa import as_text

    data, _ = read_file(path)
    return None if data is None else as_text(data)


def lint_paths(paths: Sequence[str], settings: Optional[Settings] = None) -> Report:
    from leaklint.config import load_settings

    if settings is None:
        settings = load_settings(Path(paths[0]) if paths else Path.cwd())
    files, problems = discover(paths, settings)
    report = lint_files(files, settings)
    report.problems[:0] = problems
    return report
