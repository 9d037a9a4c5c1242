"""The engine: one parse and one indexing walk per file for every selected rule, then the project pass.

Both front ends (the CLI and the flake8 plugin) go through ``analyze_source``; nothing else
parses or walks.
"""

from __future__ import annotations

import ast
import gc
import io
import os
import sys
import threading
import tokenize
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Dict, FrozenSet, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, Type, TypeVar, Union

import libcst as cst

from leaklint.analysis import trusted_parse
from leaklint.analysis.context import FileContext, module_name_for
from leaklint.analysis.names import LOCAL
from leaklint.analysis.walk import TreeIndex, indexed
from leaklint.consequence import graded, graded_once_per_process
from leaklint.rule import LOW_HIDDEN_KEY, Confidence, Finding, Fix, FixInfo, Location, Rule, shows
from leaklint.suppression import Suppressions, parse_suppressions
from leaklint.facts.records import compact_facts
from leaklint.facts.on_demand import FactsByPath

SYNTAX_ERROR = ("LKL001", "syntax-error")
PARSER_GAP = ("LKL004", "unsupported-syntax")
INTERNAL_ERROR = ("LKL002", "internal-error")
TOO_LARGE = ("LKL005", "statement-too-large")

# libcst's visitors and code generation recurse once per nesting level; 10000 handled every shape
# tested up to 3,000 levels (docs/reliability.md). The stack below keeps that recursion off the C limit.
_RECURSION_LIMIT = 10_000
_STACK_SIZE = 512 * 1024 * 1024

T = TypeVar("T")


@dataclass
class FileResult:
    """Everything the CLI keeps about a file once its tree is dropped (picklable, cacheable)."""

    path: str
    findings: List[Finding] = field(default_factory=list)
    facts: Dict[str, Any] = field(default_factory=dict)  # rule code -> file_facts()
    suppressions: Suppressions = field(default_factory=Suppressions)

    @property
    def has_internal_error(self) -> bool:
        return any(f.code == INTERNAL_ERROR[0] for f in self.findings)


@dataclass
class FileAnalysis:
    """A file's result plus what only lives in memory: its tree and the fixes on it."""

    result: FileResult
    module: Optional[cst.Module] = None
    context: Optional[FileContext] = None
    fixes: List[Tuple[Finding, Fix]] = field(default_factory=list)
    segmented: bool = False  # checked in segments (leaklint.segments): no tree, no fixes


# -- running with a big stack ---------------------------------------------------------------------

_executor: Optional[ThreadPoolExecutor] = None
_executor_lock = threading.Lock()
_executor_pid = 0


def run_with_big_stack(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run ``function`` in a worker thread with a large C stack and a high recursion limit.

    libcst's native parser and its recursive Python code overflow the default 8 MB stack on
    deeply nested input, killing the process with SIGSEGV (docs/reliability.md). A thread's stack size can
    only be chosen when the thread is created, hence the dedicated single worker.
    """
    global _executor, _executor_pid
    if threading.current_thread().name.startswith("leaklint-big-stack"):
        return function(*args, **kwargs)
    with _executor_lock:
        if _executor is None or _executor_pid != os.getpid():
            # A forked child inherits the executor but not its thread: work submitted to it
            # would wait forever. Each process makes its own.
            _executor_pid = os.getpid()
            if sys.getrecursionlimit() < _RECURSION_LIMIT:
                sys.setrecursionlimit(_RECURSION_LIMIT)
            previous = threading.stack_size()
            try:
                threading.stack_size(_STACK_SIZE)
                _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="leaklint-big-stack")
                # The thread is created lazily on the first submit: create it now, while the
                # stack size is set.
                _executor.submit(lambda: None).result()
            finally:
                threading.stack_size(previous)
    return _executor.submit(function, *args, **kwargs).result()


# -- decoding and parsing -------------------------------------------------------------------------


def decode_source(data: bytes) -> str:
    """Decode Python source as the interpreter would (BOM, coding cookie, default UTF-8)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _finding(path: str, code: Tuple[str, str], message: str, suggestion: str, location: Location) -> Finding:
    return Finding(path, code[0], code[1], message, suggestion, location, Confidence.HIGH)


def _syntax_error_finding(path: str, message: str, line: int = 1, column: int = 1) -> Finding:
    line, column = max(line or 1, 1), max(column or 1, 1)
    return _finding(
        path,
        SYNTAX_ERROR,
        f"cannot parse this file: {message}",
        "fix the syntax error, or exclude the file with `extend-exclude` in [tool.leaklint]",
        Location(line, column, line, column),
    )


# CPython's own limit on nesting depends on the recursion limit (3.9-3.11 scale the compiler's
# depth checks by it); the engine raises that limit for libcst, so the check below restores
# the interpreter's default while it runs: the verdict is then the one `python file.py` gives.
_DEFAULT_RECURSION_LIMIT = 1000


def compiles(text: Union[str, bytes], path: str) -> None:
    """Compile like ``python file.py`` would, silently; raise what CPython raises.

    A full compile to bytecode (some errors only the compiler sees: a misplaced ``from
    __future__``, ``return`` outside a function), at the interpreter's default recursion limit,
    so nesting is judged as ``python file.py`` judges it. Warnings are silenced: a SyntaxWarning
    is not ours to print, and ``-W error`` would turn it into an error. The ``ast`` tree is not
    built here: most files never need it (``FileContext.syntax_tree`` parses it when asked).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _default_recursion_limit():
            compile(text, path, "exec", dont_inherit=True)


@contextmanager
def _default_recursion_limit() -> Iterator[None]:
    previous = sys.getrecursionlimit()
    lowered = previous > _DEFAULT_RECURSION_LIMIT
    if lowered:
        sys.setrecursionlimit(_DEFAULT_RECURSION_LIMIT)
    try:
        yield
    finally:
        if lowered:
            sys.setrecursionlimit(previous)


def _check_syntax(text: str, path: str) -> Optional[Finding]:
    """CPython's own verdict first: it is cheap (a tenth of a libcst parse), gives exact error
    locations, and refuses the deeply nested input that would crash libcst's native parser."""
    try:
        compiles(text, path)
    except SyntaxError as error:
        return _syntax_error_finding(path, error.msg or "invalid syntax", error.lineno or 1, error.offset or 1)
    except (MemoryError, RecursionError) as error:
        # CPython's parser and compiler report nesting beyond their limits this way.
        return _syntax_error_finding(path, f"too deeply nested for CPython ({type(error).__name__})")
    except (ValueError, OverflowError) as error:
        # ValueError: NUL bytes (before 3.12); OverflowError: input too large for the compiler.
        return _syntax_error_finding(path, f"{type(error).__name__}: {error}")
    return None


# CPython has accepted the file by then: say it is leaklint's limit, not the user's syntax error.
_LIBCST_GAP = "this file is valid Python (CPython compiles it) but libcst, leaklint's parser, cannot parse it, so it is not checked"


def _decode_error_finding(data: Union[str, bytes], path: str, error: Exception) -> Finding:
    """CPython's message and line for an undecodable file when it gives one (ours says 1:1)."""
    try:
        compiles(data, path)
    except SyntaxError as verdict:
        return _syntax_error_finding(path, f"cannot decode the file: {verdict.msg}", verdict.lineno or 1, 1)
    except Exception:  # noqa: BLE001 - fall back to the decoder's own message
        pass
    return _syntax_error_finding(path, f"cannot decode the file: {error}")


def parse(
    data: Union[str, bytes], path: str, accepted: bool = False
) -> Tuple[Optional[str], Optional[cst.Module], Optional[Finding]]:
    """(text, module, None) or (text-or-None, None, LKL001 finding). Never raises.

    ``accepted``: CPython is known to accept the source (flake8 has its ``ast``): no check.
    """
    try:
        text = decode_source(data) if isinstance(data, bytes) else data
    except (SyntaxError, UnicodeDecodeError, LookupError) as error:
        return None, None, _decode_error_finding(data, path, error)
    problem = None if accepted else _check_syntax(text, path)
    if problem is not None:
        return text, None, problem
    try:
        module = trusted_parse.parse_module(data)
    except cst.ParserSyntaxError as error:
        message = str(error).splitlines()[0] if str(error) else "invalid syntax"
        return text, None, _parser_gap_finding(path, message, error.raw_line, error.raw_column + 1)
    except (RecursionError, MemoryError) as error:
        return text, None, _syntax_error_finding(path, f"too deeply nested for leaklint's parser ({type(error).__name__})")
    except Exception as error:  # libcst raises TypeError and others on some valid code
        return text, None, _parser_gap_finding(path, f"{type(error).__name__}: {error}")
    return text, module, None


def _parser_gap_finding(path: str, reason: str, line: int = 1, column: int = 1) -> Finding:
    """LKL004: valid Python (CPython compiled it) that libcst cannot parse; not a syntax error."""
    line, column = max(line or 1, 1), max(column or 1, 1)
    return _finding(
        path,
        PARSER_GAP,
        f"{_LIBCST_GAP}: {reason.splitlines()[0][:200]}",
        "rewrite the construct near here that libcst does not support (e.g. `(x): int = 1` as `x: int = 1`), "
        "or exclude the file with `extend-exclude`",
        Location(line, column, line, column),
    )


# -- the walk -------------------------------------------------------------------------------------


Handlers = List[Callable[[cst.CSTNode], Any]]


# rule classes -> {node type -> which of those rules have a visit_/leave_ handler for the type}:
# found once per process and rule set, not once per file. The rule set differs between files
# (``trigger_names``), so each set keeps its own table, fetched once per file.
_HANDLER_POSITIONS: Dict[Tuple[type, ...], Dict[type, Tuple[Tuple[int, ...], Tuple[int, ...]]]] = {}
# rule class -> the names of its attributes that may be handlers (``visit_*``/``leave_*``)
_HANDLER_NAMES: Dict[type, FrozenSet[str]] = {}


def _handler_names(rule_class: type) -> FrozenSet[str]:
    names = _HANDLER_NAMES.get(rule_class)
    if names is None:
        # ``dir`` lists what ``hasattr`` finds (inherited attributes included).
        names = _HANDLER_NAMES[rule_class] = frozenset(
            name for name in dir(rule_class) if name.startswith(("visit_", "leave_"))
        )
    return names


class _Dispatcher:
    """Finds each node type's ``visit_<Type>``/``leave_<Type>`` handlers of the live rules once,
    and drops a rule that raises (the others go on)."""

    def __init__(self, rules: List[Rule], path: str) -> None:
        self.rules = rules
        self.path = path
        self.failures: List[Tuple[Rule, BaseException]] = []
        # node type -> (visit handlers, leave handlers); cleared, never replaced, when a rule fails.
        self.table: Dict[type, Tuple[Handlers, Handlers]] = {}
        self._positions_for_rules()

    def _positions_for_rules(self) -> None:
        classes = tuple(type(rule) for rule in self.rules)
        self._classes = classes
        self._names = [_handler_names(rule_class) for rule_class in classes]
        self._positions = _HANDLER_POSITIONS.setdefault(classes, {})

    def handlers(self, node_type: type) -> Tuple[Handlers, Handlers]:
        entry = self.table.get(node_type)
        if entry is None:
            visit, leave = "visit_" + node_type.__name__, "leave_" + node_type.__name__
            positions = self._positions.get(node_type)
            if positions is None:
                names = self._names
                positions = (
                    tuple(i for i, found in enumerate(names) if visit in found),
                    tuple(i for i, found in enumerate(names) if leave in found),
                )
                self._positions[node_type] = positions
            entry = (
                [getattr(self.rules[i], visit) for i in positions[0]],
                [getattr(self.rules[i], leave) for i in positions[1]],
            )
            self.table[node_type] = entry
        return entry

    def call(self, handlers: Handlers, node: cst.CSTNode) -> None:
        for handler in handlers:
            try:
                handler(node)
            except Exception as error:  # a broken rule must not stop the others: LKL002
                self.fail(handler.__self__, error)  # type: ignore[attr-defined]

    def fail(self, rule: Rule, error: BaseException) -> None:
        if rule in self.rules:
            self.failures.append((rule, error))
            self.rules = [r for r in self.rules if r is not rule]
            self.table.clear()
            self._positions_for_rules()


def _walk(index: TreeIndex, dispatcher: _Dispatcher) -> None:
    """Call every rule's handlers in walk order: ``visit_X`` on reaching a node, ``leave_X``
    after its last descendant. The tree is indexed (parents included) before any handler runs,
    so a rule may look anywhere in the file from any handler, and its re-walks are cheap."""
    table = dispatcher.table
    handlers = dispatcher.handlers
    end_of = index.end
    waiting: List[Tuple[int, cst.CSTNode]] = []  # (end position, node) to leave; innermost last
    next_end = -1
    for position, node in enumerate(index.order):
        while position == next_end:
            next_end = _leave(waiting, dispatcher)
        visit, leave = table.get(type(node)) or handlers(type(node))
        if visit:
            # ``_Dispatcher.call`` inlined: this runs for most nodes of every file.
            for handler in visit:
                try:
                    handler(node)
                except Exception as error:  # a broken rule must not stop the others: LKL002
                    dispatcher.fail(handler.__self__, error)  # type: ignore[attr-defined]
        if leave:
            next_end = end_of(node)
            waiting.append((next_end, node))
    while waiting:
        _leave(waiting, dispatcher)


def _leave(waiting: List[Tuple[int, cst.CSTNode]], dispatcher: _Dispatcher) -> int:
    """Leave the innermost waiting node; return the end position of the next one (-1: none)."""
    node = waiting.pop()[1]
    # Looked up again: a rule that failed since the visit has been dropped from the table.
    leave = (dispatcher.table.get(type(node)) or dispatcher.handlers(type(node)))[1]
    if leave:
        dispatcher.call(leave, node)
    return waiting[-1][0] if waiting else -1


def _internal_error(path: str, rule: Optional[Type[Rule]], error: BaseException, location: Location) -> Finding:
    where = f"{rule.code} {rule.name}" if rule is not None else "the engine"
    reason = f"{type(error).__name__}: {error}".splitlines()[0][:200]
    silence = f"`# leaklint: noqa: {rule.code}`" if rule is not None else "`extend-exclude`"
    return _finding(
        path,
        INTERNAL_ERROR,
        f"leaklint failed on this file in {where}: {reason}",
        f"please report this bug with the file; meanwhile skip it here with {silence}",
        location,
    )


def analyze_source(
    data: Union[str, bytes],
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    *,
    text_edits: bool = False,
    module_name: Optional[str] = None,
    syntax_tree: Optional[ast.Module] = None,
    segment_size: Optional[int] = None,
    defer_segment_facts: bool = False,
) -> FileAnalysis:
    """Parse and check one file. Never raises for anything the file contains.

    ``syntax_tree``: the ``ast`` of exactly this source when the caller has one (flake8 does);
    it stands for the syntax check and gives positions their line numbers.
    ``segment_size``: a file with more code than this (bytes outside strings and comments) is
    checked in segments of top-level statements, so memory stays bounded (``leaklint.segments``);
    None: ``DEFAULT_SEGMENT_SIZE``. Not with ``syntax_tree``: that caller holds the whole tree.
    ``defer_segment_facts``: a segmented file's facts stay a ``segments.DeferredFacts`` handle
    (each segment's pickle) until ``project_findings`` or the cache expands them.
    """
    analysis = run_with_big_stack(
        _analyze_without_gc, data, path, rules, rule_settings, text_edits, module_name, syntax_tree,
        DEFAULT_SEGMENT_SIZE if segment_size is None else segment_size,
    )
    if analysis.segmented and not defer_segment_facts:
        from leaklint.segments import expand_facts

        expand_facts(analysis.result)
    return analysis


def _analyze_without_gc(*args: Any) -> FileAnalysis:
    """``_analyze`` with the cyclic collector paused.

    Parsing allocates hundreds of thousands of container objects, each allocation counting towards
    a collection that then scans the young tree (and, now and then, everything the process holds)
    for cycles it does not have: about a tenth of a parse. The collector resumes after the file.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _analyze(*args)
    finally:
        if was_enabled:
            gc.enable()


def _analyze(
    data: Union[str, bytes],
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    text_edits: bool,
    module_name: Optional[str],
    syntax_tree: Optional[ast.Module] = None,
    segment_size: int = 0,
) -> FileAnalysis:
    if segment_size and syntax_tree is None and _may_need_segments(data, segment_size):
        segmented = _analyze_in_segments(data, path, rules, rule_settings, module_name, segment_size)
        if segmented is not None:
            return segmented
    text, module, problem = parse(data, path, accepted=syntax_tree is not None)
    suppressions = parse_suppressions(text) if text is not None else Suppressions()
    result = FileResult(path, suppressions=suppressions)
    if problem is not None:
        if any(rule.code == problem.code for rule in rules):
            result.findings.append(problem)
        return FileAnalysis(result)
    assert module is not None and text is not None
    name, is_package = _module_name(path, module_name)
    context = FileContext(path, text, module, name, is_package)
    if syntax_tree is not None:
        context.syntax_tree = syntax_tree
    analysis = FileAnalysis(result, module, context)
    _run_triggered_rules(rules, rule_settings, text, analysis, text_edits)
    result.findings.sort(key=Finding.sort_key)
    return analysis


def _module_name(path: str, module_name: Optional[str]) -> Tuple[str, bool]:
    if module_name is None:
        return module_name_for(path)
    return module_name, path.endswith(("__init__.py", "__init__.pyi"))


# -- huge files: one segment of top-level statements at a time ------------------------------------

# Estimated parse cost, in bytes of ordinary code (``leaklint.segments``), above which a file is
# checked in segments. A segment this size peaks near 100 MB of parse memory, dense code included
# (docs/performance.md).
DEFAULT_SEGMENT_SIZE = 128 * 1024


def _may_need_segments(data: Union[str, bytes], segment_size: int) -> bool:
    """Whether ``data`` may weigh more than a segment: longer than one, or with enough operators
    and brackets (counted in strings and comments too: an upper bound, in one fast pass) that
    dense code below ``segment_size`` bytes could cost more than a segment of ordinary code."""
    if len(data) > segment_size:
        return True
    from leaklint import segments

    return segments.punctuation_bound(data) > segment_size


def _analyze_in_segments(
    data: Union[str, bytes],
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    module_name: Optional[str],
    segment_size: int,
) -> Optional[FileAnalysis]:
    """Check a huge or dense file one segment of top-level statements at a time; None when its
    estimated parse cost fits in one segment after all (long docstrings and strings cost little)
    or it cannot be decoded.

    Each segment is parsed as a module of its own, preceded by the file's one-line imports and
    ``NAME = value`` assignments from outside it (so names resolve as in the whole file), checked,
    and dropped before the next. Findings move to the file's lines; those inside the prelude are
    dropped (their own segment reports them). What is lost against a whole-file check: fixes
    (a finding of a segmented file carries none, so ``--fix`` never rewrites it), the facts of
    project-wide rules (cross-module cycles and containers do not see this file), and what a rule
    would learn from functions and classes in other segments.
    """
    from leaklint import segments
    from leaklint.runner import _return_freed_memory as return_freed_memory

    try:
        text = decode_source(data) if isinstance(data, bytes) else data
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None  # the whole-file path reports it
    statements = segments.scan(text)
    if sum(statement.weight for statement in statements) <= segment_size:
        return None
    suppressions = parse_suppressions(text)
    result = FileResult(path, suppressions=suppressions)
    analysis = FileAnalysis(result, segmented=True)
    selected = {rule.code for rule in rules}
    parts = segments.group(statements, segment_size)
    parts, problem = _compile_segments(text, parts, path, segment_size)
    if problem is not None:
        if SYNTAX_ERROR[0] in selected:
            result.findings.append(problem)
        return analysis
    name, is_package = _module_name(path, module_name)
    chosen = segments.prelude_statements(text, statements, segment_size)
    defined = segments.defined_names(text, statements)
    numbers = {id(statement): index for index, statement in enumerate(statements)}
    # Each segment's findings and facts, pickled as soon as its tree is dropped: kept as live
    # objects they would sit among the tree's freed memory and pin it (CPython returns an arena
    # only when all of it is free), so the process would grow by a segment's worth of fragments
    # for every segment. As bytes they take one block each, and are rebuilt together at the end.
    packed: List[Tuple[bytes, Optional[bytes], Tuple[str, ...]]] = []  # pickled findings, facts; codes
    for part in parts:
        if segments.too_large(part, segment_size):
            if TOO_LARGE[0] in selected and any(segments.has_calls(text, s) for s in part.statements):
                result.findings.append(_too_large_finding(path, text, part, segment_size))
            continue  # plain data (a literal table, a long string): nothing a rule could find there
        prelude, prelude_lines = segments.prelude_code(text, chosen, part)
        first, last = part.line, part.line + segments.line_count(text, part) - 1
        file_line = _segment_lines(prelude_lines, part.line)
        own = {numbers[id(statement)] for statement in part.statements}
        elsewhere = segments.names_from_elsewhere(text, part, defined, own)
        found, part_facts = _analyze_segment(
            prelude, text[part.start : part.end], path, rules, rule_settings, name, is_package, file_line, elsewhere
        )
        kept = []
        for finding in found:
            if finding.code == INTERNAL_ERROR[0]:
                finding = _moved(finding, first - finding.line)  # (reported at the file's line 1)
            elif finding.code == PARSER_GAP[0] or finding.code == SYNTAX_ERROR[0]:
                finding = _moved(finding, file_line(finding.line) - finding.line)
            elif not first <= finding.line <= last:
                continue  # about a prelude line: the segment holding that line reports it
            kept.append(finding)
        packed.append((
            segments.pack(kept),
            segments.pack(part_facts) if part_facts else None,
            tuple(part_facts),
        ))
        del found, kept, part_facts
        # The segment's tree is free now; glibc keeps its pages, fragmented by the blobs above,
        # and the next segment's parse would sit on top of them: on the 1 MB generated module the
        # resident size after each segment went 120 -> 139 MB, with this 63 -> 74 MB.
        return_freed_memory()
    # The file's text and statement index (for a 10 MB module, 10 MB of text and 80,000
    # statements) are not needed to merge: let them go before the merged facts are built.
    del text, statements, parts, chosen, defined, numbers
    codes: Dict[str, None] = {}
    blobs: List[bytes] = []
    for found_blob, facts_blob, part_codes in packed:
        for finding in segments.unpack(found_blob):
            if finding.code != INTERNAL_ERROR[0] and suppressions.silences(finding.code, finding.line):
                continue
            result.findings.append(finding)
        if facts_blob is not None:
            blobs.append(facts_blob)
            codes.update(dict.fromkeys(part_codes))
    del packed
    if blobs:
        # Merged when the project pass (or the cache) asks: segments.DeferredFacts, expanded by
        # analyze_source unless its caller defers them too.
        handle = segments.DeferredFacts(blobs)
        result.facts = {code: handle for code in codes}
    result.findings.sort(key=Finding.sort_key)
    return analysis


def _segment_lines(prelude_lines: List[int], first: int) -> Callable[[int], int]:
    """Segment line -> file line: the prelude's lines are those of the statements it copies."""
    count = len(prelude_lines)
    shift = first - 1 - count

    def file_line(line: int) -> int:
        if line <= count:
            return prelude_lines[line - 1] if line >= 1 else first
        return line + shift

    return file_line


def _compile_segments(
    text: str, parts: List[Any], path: str, segment_size: int
) -> Tuple[List[Any], Optional[Finding]]:
    """CPython's verdict on each segment (the syntax check of a segmented file). A segment that
    does not compile is tried once more joined with the next one, in case the scan cut a
    statement it did not understand; an error that remains is the file's LKL001. A statement
    larger than a segment is not compiled: CPython's compiler needs about 130 bytes of memory
    per byte of source, and the statement is not parsed either."""
    from leaklint.segments import Segment, too_large

    checked: List[Any] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        if too_large(part, segment_size):
            checked.append(part)
            index += 1
            continue
        error = _segment_error(text, part, path)
        if error is not None and index + 1 < len(parts):
            following = parts[index + 1]
            if too_large(following, segment_size):
                return checked, error
            joined = Segment(part.start, following.end, part.line, part.weight + following.weight,
                             part.statements + following.statements)
            if _segment_error(text, joined, path) is None:
                checked.append(joined)
                index += 2
                continue
        if error is not None:
            return checked, error
        checked.append(part)
        index += 1
    return checked, None


def _segment_error(text: str, part: Any, path: str) -> Optional[Finding]:
    problem = _check_syntax(text[part.start : part.end], path)
    if problem is None:
        return None
    return _moved(problem, part.line - 1)


def _analyze_segment(
    prelude: str,
    code: str,
    path: str,
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    name: str,
    is_package: bool,
    file_line: Callable[[int], int],
    elsewhere: Set[str],
) -> Tuple[List[Finding], Dict[str, Any]]:
    """The findings (in the file's lines, prelude ones included) and project facts of one segment."""
    source = prelude + code
    try:
        module = trusted_parse.parse_module(source)
    except cst.ParserSyntaxError as error:
        message = str(error).splitlines()[0] if str(error) else "invalid syntax"
        return [_parser_gap_finding(path, message, error.raw_line, error.raw_column + 1)], {}
    except (RecursionError, MemoryError) as error:
        return [_syntax_error_finding(path, f"too deeply nested for leaklint's parser ({type(error).__name__})")], {}
    except Exception as error:  # noqa: BLE001 - libcst raises TypeError and others on some valid code
        return [_parser_gap_finding(path, f"{type(error).__name__}: {error}")], {}
    context = FileContext(path, source, module, name, is_package)
    context.file_line = file_line
    if elsewhere:
        bindings = context.module_bindings
        for defined_name in elsewhere:
            bindings.bind(defined_name, LOCAL)  # defined in another segment of the same module
    analysis = FileAnalysis(FileResult(path), module, context)
    _run_triggered_rules(rules, rule_settings, source, analysis, False)
    # No fix travels out of a segment: its edits would be in the segment's lines, and --fix
    # rewrites whole modules.
    findings = [replace(finding, fix=None) for finding in analysis.result.findings]
    return findings, analysis.result.facts


def _moved(finding: Finding, shift: int) -> Finding:
    """``finding`` with its lines (and those of any related location it carries) ``shift`` lower."""
    if not shift:
        return finding
    changes: Dict[str, Any] = {}
    for item in fields(finding):
        value = getattr(finding, item.name)
        if isinstance(value, Location):
            changes[item.name] = _shifted(value, shift)
        elif isinstance(value, (tuple, list)) and value and all(hasattr(v, "location") or isinstance(v, Location) for v in value):
            changes[item.name] = type(value)(
                _shifted(v, shift) if isinstance(v, Location) else replace(v, location=_shifted(v.location, shift))
                for v in value
            )
    return replace(finding, **changes)


def _shifted(location: Location, shift: int) -> Location:
    return replace(location, line=location.line + shift, end_line=location.end_line + shift)


def _too_large_finding(path: str, text: str, part: Any, segment_size: int) -> Finding:
    first = part.line
    last = first + text.count("\n", part.start, part.end) - (1 if text[part.start : part.end].endswith("\n") else 0)
    code = part.statements[0].code if part.statements else part.weight
    if code > segment_size:
        size = f"{code // 1024} KB of code, more than leaklint checks in one piece ({segment_size // 1024} KB)"
    else:
        size = (f"{code // 1024} KB of code as costly to parse as {part.weight // 1024} KB of ordinary code, more "
                f"than twice what leaklint checks in one piece ({segment_size // 1024} KB)")
    return _finding(
        path,
        TOO_LARGE,
        f"this top-level statement (lines {first}-{last}) holds {size}: it is not checked, to keep memory bounded",
        "raise `segment-size` in [tool.leaklint] (libcst needs about 1 KB of memory per byte of code), "
        "or exclude the file if it is generated",
        Location(first, 1, first, 1),
    )



def _run_triggered_rules(
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    text: str,
    analysis: FileAnalysis,
    text_edits: bool,
) -> None:
    """Make the rules whose trigger words ``text`` holds, index ``analysis``'s module once, run them."""
    context, module = analysis.context, analysis.module
    assert context is not None and module is not None
    # Indexed first: a rule's constructor that reads the module's names (``module_bindings``)
    # then walks from the index instead of walking the tree again.
    index = TreeIndex.build(module, context.parents)
    with indexed(index):
        instances = []
        for rule_class in rules:
            if not rule_class.engine_only and _triggered(rule_class, text):
                settings = {**rule_class.default_settings(), **rule_settings.get(rule_class.code, {})}
                instances.append(rule_class(context, settings))
        _run_rules(instances, context, index, analysis, text_edits, rule_settings)

def _run_rules(
    instances: List[Rule], context: FileContext, index: TreeIndex, analysis: FileAnalysis, text_edits: bool,
    rule_settings: Mapping[str, Mapping[str, Any]],
) -> None:
    """The walk with every rule's handlers, then each rule's findings and project facts."""
    result, path, module = analysis.result, context.path, context.module
    suppressions = result.suppressions
    dispatcher = _Dispatcher(instances, path)
    _walk(index, dispatcher)  # a loop over a list; a handler that raises is dropped, not re-raised
    failed = {id(rule) for rule, _ in dispatcher.failures}
    for rule, error in dispatcher.failures:
        result.findings.append(_internal_error(path, type(rule), error, Location(1, 1, 1, 1)))
    for rule in instances:
        if id(rule) in failed:
            continue
        try:
            findings = _resolve(rule, context, module, text_edits)
            facts = rule.file_facts() if rule.project_scope else None
        except Exception as error:  # noqa: BLE001 - reported as LKL002, the run goes on
            result.findings.append(_internal_error(path, type(rule), error, Location(1, 1, 1, 1)))
            continue
        for finding, fix in findings:
            if suppressions.silences(finding.code, finding.line) or not shows(finding.confidence, rule_settings):
                continue
            result.findings.append(finding)
            if fix is not None:
                analysis.fixes.append((finding, fix))
        if facts is not None:
            result.facts[rule.code] = facts
    # Every rule is done with the file: its facts wait for the project pass from now on, as
    # compact records (leaklint.facts.records; shared objects, as LKL101's and LKL102's, once).
    compacted: Set[int] = set()
    for facts in result.facts.values():
        if id(facts) not in compacted:
            compacted.add(id(facts))
            compact_facts(facts)


def _triggered(rule: Type[Rule], text: str) -> bool:
    names = rule.trigger_names
    return not names or any(name in text for name in names)


def _resolve(
    rule: Rule, context: FileContext, module: cst.Module, text_edits: bool
) -> List[Tuple[Finding, Optional[Fix]]]:
    resolved = []
    for item in rule.pending:
        location = item.location or context.location(item.node)
        fix_info = None
        if item.fix is not None:
            edits: Tuple[Any, ...] = ()
            if text_edits:
                # Imported here: it pulls in libcst.codemod, a costly import most runs never need.
                from leaklint.fixes.apply import text_edits_for

                edits = text_edits_for(module, context, item.fix)
            fix_info = FixInfo(rule.fix_title or "apply the suggested fix", item.fix.safety, edits)
        confidence = graded(rule.code, context.path, item.confidence)
        confidence, message = graded_once_per_process(rule.code, context, item.node, confidence, item.message)
        finding = Finding(
            context.path, rule.code, rule.name, message, item.suggestion, location, confidence, fix_info,
            related=item.related,
        )
        resolved.append((finding, item.fix))
    return resolved


# -- the project pass -----------------------------------------------------------------------------


def check_project(
    results: Sequence[FileResult],
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    rules_for_path: Optional[Callable[[str], Sequence[Type[Rule]]]] = None,
) -> List[Finding]:
    """Findings of project-scope rules over every file's facts, with each file's noqa applied."""
    produced = project_findings(results, rules, rule_settings)
    return select_project_findings(produced, results, rules, rule_settings, rules_for_path)


def project_findings(
    results: Sequence[FileResult], rules: Sequence[Type[Rule]], rule_settings: Mapping[str, Mapping[str, Any]]
) -> List[Tuple[str, Finding]]:
    """(rule code, finding) for what the project-scope rules produce from every file's facts,
    before noqa comments and per-file selection: it depends on the facts and the settings alone
    (the profile among them), so a warm run can take it from the cache. A rule that fails gives
    LKL002.

    What the profile hides (low confidence under the default profile) is dropped as each rule
    returns, not kept for the rules after it: on the generated 10 MB module, LKL101's 19,704
    low-confidence cycles were 35 MB alive under the next rules' facts. Only where such a finding
    was (code, path, line) is kept, and only for codes another rule yields to, so a finding
    that yields to a hidden one is still left out (``Rule.yields_to``); that is applied here,
    over everything produced."""
    from leaklint.segments import expand_facts

    for result in results:
        expand_facts(result)  # a segmented file's facts, deferred until now (unless packed)
    produced: List[Tuple[str, Finding]] = []
    yielded_to = {code for rule in rules for code in rule.yields_to}
    hidden_at: Set[Tuple[str, str, int]] = set()  # where a hidden finding another rule yields to was
    low_hidden = not shows(Confidence.LOW, rule_settings)
    previous: Optional[str] = None
    on_demand: Optional[FactsByPath] = None
    for rule in rules:
        if not rule.project_scope:
            continue
        shared = previous is not None and all(_shares(r.facts, previous, rule.code) for r in results)
        if previous is not None and not shared:
            # A graph the cycle rules keep for the next rule on the same facts (cycle_rules'
            # one-entry caches) would not be reused: dropped before this rule's facts are read.
            _forget_project_graphs()
        previous = rule.code
        facts: Mapping[str, Any]
        if getattr(rule, "reads_facts_on_demand", False):
            # Read file by file when the rule's graph indexes them, never all held at once
            # (leaklint.facts.on_demand); the same mapping for a rule on the same facts, so the
            # graph built for the previous rule is found again.
            if not (shared and on_demand is not None):
                on_demand = FactsByPath(results, rule.code)
            facts = on_demand
        else:
            on_demand = None
            facts = {r.path: r.facts[rule.code] for r in results if rule.code in r.facts}
        if not facts:
            continue
        settings = {**rule.default_settings(), **rule_settings.get(rule.code, {})}
        if low_hidden and rule.code not in yielded_to:
            settings[LOW_HIDDEN_KEY] = True
        try:
            found = list(rule.check_project(facts, settings))
        except Exception as error:  # noqa: BLE001 - reported as LKL002 on the first file
            first = sorted(facts)[0]
            produced.append((rule.code, _internal_error(first, rule, error, Location(1, 1, 1, 1))))
            continue
        finally:
            # Packed facts (spool.PackedFacts) are unpacked one rule at a time: this rule's go
            # now. Codes sharing the object (LKL101, LKL102) keep it for the next rule.
            del facts
            for result in results:
                release = getattr(result.facts, "release", None)
                if release is not None:
                    release(rule.code)
        for finding in found:
            finding = _graded(finding)
            if finding.code != INTERNAL_ERROR[0] and not shows(finding.confidence, rule_settings):
                if finding.code in yielded_to:
                    hidden_at.add((finding.code, finding.path, finding.line))
                continue
            produced.append((rule.code, finding))
        del found
    _forget_project_graphs()
    if hidden_at:
        produced = _without_yielding(produced, rules, hidden_at)
    return produced


def _without_yielding(
    produced: List[Tuple[str, Finding]], rules: Sequence[Type[Rule]], hidden_at: Set[Tuple[str, str, int]]
) -> List[Tuple[str, Finding]]:
    """``produced`` without the findings that yield to another rule's finding on their line,
    shown or hidden (as ``select_project_findings`` leaves them out, which sees only the shown)."""
    by_code = {rule.code: rule for rule in rules}
    at = hidden_at | {(finding.code, finding.path, finding.line) for _code, finding in produced}
    kept: List[Tuple[str, Finding]] = []
    for code, finding in produced:
        rule = by_code.get(code)
        if rule is not None and finding.code != INTERNAL_ERROR[0]:
            if any((other, finding.path, finding.line) in at for other in rule.yields_to):
                continue
        kept.append((code, finding))
    return kept


def _graded(finding: Finding) -> Finding:
    confidence = graded(finding.code, finding.path, finding.confidence)
    return finding if confidence is finding.confidence else replace(finding, confidence=confidence)


def _shares(facts: Mapping[str, Any], code: str, other: str) -> bool:
    """Whether ``code`` and ``other`` read one facts object in ``facts`` (or neither has any)."""
    shares = getattr(facts, "shares", None)
    if shares is not None:
        return bool(shares(code, other))
    return facts.get(code) is facts.get(other)


def _forget_project_graphs() -> None:
    """Drop the class and flow graphs the cycle rules keep for the next rule on the same facts."""
    module = sys.modules.get("leaklint.analysis.cycle_rules")
    if module is not None:
        module.forget_graphs()


def select_project_findings(
    produced: Sequence[Tuple[str, Finding]],
    results: Sequence[FileResult],
    rules: Sequence[Type[Rule]],
    rule_settings: Mapping[str, Mapping[str, Any]],
    rules_for_path: Optional[Callable[[str], Sequence[Type[Rule]]]] = None,
) -> List[Finding]:
    """The produced findings a run reports: the profile's, not silenced by a noqa comment (which
    is marked used, for LKL003), of a rule selected for the finding's file."""
    by_path = {result.path: result for result in results}
    by_code = {rule.code: rule for rule in rules}
    produced_at = {(finding.code, finding.path, finding.line) for _code, finding in produced}
    findings: List[Finding] = []
    for code, finding in produced:
        rule = by_code.get(code)
        if rule is None:
            continue
        if finding.code == INTERNAL_ERROR[0]:
            findings.append(finding)
            continue
        if any((other, finding.path, finding.line) in produced_at for other in rule.yields_to):
            continue  # the other rule's finding on this line says it (see Rule.yields_to)
        if not shows(finding.confidence, rule_settings):
            continue  # low consequence: the strict profile only
        owner = by_path.get(finding.path)
        if owner is not None and owner.suppressions.silences(finding.code, finding.line):
            continue
        if rules_for_path is not None and rule not in rules_for_path(finding.path):
            continue
        findings.append(finding)
    return findings
