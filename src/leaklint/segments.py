"""Cutting a huge file into groups of top-level statements, so no libcst tree outgrows a budget.

libcst's tree takes 600-850 bytes of memory per byte of dense source (docs/performance.md), so a
3 MB generated module needs 2.5 GB. A file whose code is larger than ``segment-size`` is instead
checked one segment at a time: consecutive top-level statements adding up to at most that size,
each parsed, checked and dropped before the next. The cuts come from one regular-expression
scan of the text (strings, comments, brackets, line continuations), not from a parser, and every
segment is compiled by CPython before anything else, so a wrong cut shows as a syntax error in a
segment and the file falls back to being merged across it.

Size here is the estimated *parse cost*, in bytes of ordinary code: the bytes outside string
literals and comments (plus a few bytes per literal or comment: a docstring costs libcst one
token whatever its length), or, when the code is denser than usual, a fixed weight per operator
and punctuation character (brackets, commas, dots, ``=``, ``:``, arithmetic and comparison
signs), whichever is larger. libcst's memory follows the nodes it builds, and those follow the
punctuation: measured on 106 stretches of 8-48 KB of the largest site-packages modules, ordinary
code costs about 0.5 KB of memory per byte of code and 6-7 KB per punctuation character, while
dense test code (``assert f(JxBra(1, 0)*JxKet(1, 0).rewrite('Jy')) == 1``, one such character
every 4 bytes) costs 1.5-2 KB per byte of code. Weighing each such character as
``_PUNCTUATION_WEIGHT`` bytes keeps a segment of dense code at about the memory of a segment of
ordinary code. So a module of long docstrings is not cut where a generated table of the same
length is, and dense test code is cut into smaller pieces than ordinary code.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass, field, fields, is_dataclass, replace
from typing import Any, Dict, Iterator, List, Optional, Sequence, Set, Tuple, Union

# What the scan must recognise to know where a top-level statement starts: string literals (which
# may hold anything), comments, brackets (a newline inside them does not end a statement), an
# escaped newline, and newlines. Unrolled loops (``[^'\\]*(?:\\.[^'\\]*)*``) keep the regex engine
# from backtracking through long strings.
# A string prefix (``rb``, ``f``) is left to the code around it: it changes nothing here, and a
# pattern that starts with a quote lets the regex engine skip ahead to the next quote or ``#``.
_STRING = r"""
    (?:'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''
      |\"\"\"[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*\"\"\"
      |'[^'\\\r\n]*(?:\\(?:\r\n|.)[^'\\\r\n]*)*'
      |"[^"\\\r\n]*(?:\\(?:\r\n|.)[^"\\\r\n]*)*")
"""
# Opaque spans: a bracket, quote or ``#`` inside them means nothing.
_OPAQUE = re.compile(rf"{_STRING}|\#[^\r\n]*", re.VERBOSE | re.DOTALL)
# A line break followed by code at column 0: where a top-level statement may start. The plain
# ``\n`` form lets the regex engine jump between line feeds; old Mac files need the other one.
_CANDIDATE = re.compile(r"\n(?=[^ \t\f\r\n#\\])")
_CANDIDATE_BARE_CR = re.compile(r"(?:\r\n|\r|\n)(?=[^ \t\f\r\n#\\])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CALL = re.compile(r"[\w)\]][ \t\f]*\(|\blambda\b")
_BLANK_OR_COMMENT_LINE = re.compile(r"[ \t\f]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)")
# A line at column 0 that continues the statement above rather than starting one.
_CONTINUES = re.compile(r"(?:else|elif|except|finally)\b")
_IMPORT = re.compile(r"(?:import|from)\s")
# ``NAME = value`` on one line: module-level state the rules of other segments may need to see.
_SIMPLE_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*(?:\s*:[^=\r\n]+)?\s*=[^=]")
_COMPOUND = re.compile(r"(?:def|class|async|if|for|while|with|try|match)\b|@")
_KEYWORD_BEFORE_PAREN = frozenset(
    {"and", "or", "not", "in", "is", "if", "else", "return", "for", "lambda", "yield", "await", "assert", "del"}
)
# One string literal or comment counts as this many bytes of code (about what a short name costs).
_LITERAL_WEIGHT = 8
# One operator or punctuation character in code counts as this many bytes of ordinary code (its
# parse memory over an ordinary byte's: about 6.5 KB against 0.5 KB). Ordinary code has one every
# 12-15 bytes, so its weight is its size; dense code has one every 4-8 bytes.
_PUNCTUATION_WEIGHT = 12
_PUNCTUATION = "([{,.=:+-*/%<>"
_WITHOUT_PUNCTUATION = str.maketrans("", "", _PUNCTUATION)
_PUNCTUATION_BYTES = _PUNCTUATION.encode("ascii")
# Code longer than this is counted in pieces, so counting never copies more than this at once.
_COUNT_PIECE = 1 << 20
# A one-line statement copied into every segment's prelude is at most this long...
_PRELUDE_LINE = 200
# ... and the prelude at most this share of a segment.
_PRELUDE_SHARE = 4


@dataclass
class Statement:
    """One top-level statement: ``text[start:end]``, its first line, its weight (estimated parse
    cost in bytes of ordinary code) and its code size (bytes outside strings and comments)."""

    # Slots: a generated 10 MB module has 80,000 top-level statements.
    __slots__ = ("start", "end", "line", "weight", "code")

    start: int
    end: int
    line: int
    weight: int
    code: int


@dataclass
class Segment:
    """Statements ``text[start:end]`` checked as one module, starting at ``line`` of the file."""

    start: int
    end: int
    line: int
    weight: int
    statements: List[Statement] = field(default_factory=list)


def scan(text: str) -> List[Statement]:
    """The top-level statements of ``text``, in order, covering all of it (blank and comment lines
    belong to the statement before them; leading ones to the first).

    Opaque spans (strings, comments) are found with ``str.find`` on their first character and
    one anchored match each; in the code between them, bracket depth comes from ``str.count`` and
    candidate starts (a line with code at column 0) from a regex with a literal first character.
    Python-level work is per string, comment and top-level line, never per character.
    """
    statements: List[Statement] = []
    counter = _LineCounter(text)
    state = _ScanState()
    candidates = _CANDIDATE_BARE_CR if counter.bare_cr else _CANDIDATE

    def code(gap_start: int, gap_end: int) -> None:
        if text.find("\n", gap_start, gap_end) < 0 and not counter.bare_cr:
            state.depth = max(state.depth + _depth_change(text, gap_start, gap_end), 0)
            state.punctuation += _punctuation(text, gap_start, gap_end)
            return  # no line break in this stretch of code: no statement starts in it
        position = gap_start
        for candidate in candidates.finditer(text, gap_start, min(gap_end + 1, len(text))):
            newline = candidate.start()
            if newline >= gap_end:
                break
            state.depth += _depth_change(text, position, newline)
            state.punctuation += _punctuation(text, position, newline)
            position = newline
            if state.depth > 0:
                continue
            before = newline - 1
            if before >= gap_start and text[before] == "\r":
                before -= 1
            if before >= gap_start and text[before] == "\\":
                continue  # an escaped line break: the statement goes on
            start = candidate.end()
            if not statements and start == first:
                continue  # the first code line: the header comments above belong to its statement
            if _CONTINUES.match(text, start) is not None or state.decorated:
                state.decorated = text.startswith("@", start)
                continue
            _close(statements, state, text, start)
            state.start, state.line = start, counter.line_at(start)
            state.decorated = text.startswith("@", start)
        state.depth = max(state.depth + _depth_change(text, position, gap_end), 0)
        state.punctuation += _punctuation(text, position, gap_end)

    first = _code_start(text, 0)
    state.decorated = text.startswith("@", first)
    position = 0
    for start, end in _opaque_spans(text):
        if start > position:
            code(position, start)
        state.literal_bytes += end - start
        state.literals += 1
        position = end
    code(position, len(text))
    _close(statements, state, text, len(text))
    return statements


def _opaque_spans(text: str) -> Iterator[Tuple[int, int]]:
    """(start, end) of every string literal and comment, in order. An unterminated quote (the
    file does not compile; the segment check reports it) matches nothing and stays code."""
    for match in _OPAQUE.finditer(text):
        yield match.span()


class _ScanState:
    def __init__(self) -> None:
        self.depth = 0
        self.start = 0
        self.line = 1
        self.literal_bytes = 0
        self.literals = 0
        self.punctuation = 0
        self.decorated = False


def _close(statements: List[Statement], state: _ScanState, text: str, end: int) -> None:
    if end <= state.start and statements:
        return
    code = (end - state.start) - state.literal_bytes + state.literals * _LITERAL_WEIGHT
    weight = max(code, state.punctuation * _PUNCTUATION_WEIGHT)
    statements.append(Statement(state.start, end, state.line, max(weight, 0), max(code, 0)))
    state.literal_bytes = state.literals = state.punctuation = 0


def _punctuation(text: str, start: int, end: int) -> int:
    """How many operator and punctuation characters ``text[start:end]`` holds (``str.translate``
    deleting them runs at memory speed on ASCII text; ``str.count`` would take a pass each)."""
    found = 0
    for piece in range(start, end, _COUNT_PIECE):
        chunk = text[piece : min(piece + _COUNT_PIECE, end)]
        found += len(chunk) - len(chunk.translate(_WITHOUT_PUNCTUATION))
    return found


def punctuation_bound(data: Union[str, bytes]) -> int:
    """An upper bound of the weight of ``data`` by its punctuation alone (strings and comments
    included), in one pass at memory speed: below ``segment_size`` the file is checked whole
    without a scan."""
    if isinstance(data, bytes):
        found = len(data) - len(data.translate(None, _PUNCTUATION_BYTES))
    else:
        found = _punctuation(data, 0, len(data))
    return found * _PUNCTUATION_WEIGHT


def _depth_change(text: str, start: int, end: int) -> int:
    return (
        text.count("(", start, end) + text.count("[", start, end) + text.count("{", start, end)
        - text.count(")", start, end) - text.count("]", start, end) - text.count("}", start, end)
    )


class _LineCounter:
    """Line numbers of increasing positions, counted incrementally."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1
        self.bare_cr = text.count("\r") != text.count("\r\n")

    def line_at(self, position: int) -> int:
        if self.bare_cr:
            self.line += len(_LINE_BREAK.findall(self.text, self.position, position))
        else:
            self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def has_calls(text: str, statement: Statement) -> bool:
    """Whether ``statement`` can do anything: it is a ``def``, ``class`` or other compound
    statement, or its code (outside strings and comments) calls something or holds a lambda.
    Without any of these it is plain data, where no rule can find a leak."""
    if _COMPOUND.match(text, _code_start(text, statement.start)) is not None:
        return True
    position = statement.start
    for start, end in _opaque_spans(text[statement.start : statement.end]):
        if _gap_calls(text, position, statement.start + start):
            return True
        position = statement.start + end
    return _gap_calls(text, position, statement.end)


def _gap_calls(text: str, start: int, end: int) -> bool:
    for match in _CALL.finditer(text, start, end):
        found = match.group()
        if found == "lambda":
            return True
        if found[0] in ")]":
            return True
        word = re.search(r"\w+$", text[max(match.start() - 40, start) : match.start() + 1])
        if word is None or word.group() not in _KEYWORD_BEFORE_PAREN:
            return True
    return False


def _code_start(text: str, position: int) -> int:
    """The first character of code at or after ``position`` (skipping blank and comment lines)."""
    while position < len(text):
        match = _BLANK_OR_COMMENT_LINE.match(text, position)
        if match is None or match.end() == position:
            return position
        position = match.end()
    return position


def too_large(segment: Segment, segment_size: int) -> bool:
    """Whether ``segment`` is one statement too big to check: more code than ``segment_size``, or
    an estimated cost over twice that (dense code; a statement a little over a segment is checked
    alone, so a test function of dense asserts is not left unchecked for its density)."""
    if segment.weight <= segment_size or len(segment.statements) != 1:
        return False
    statement = segment.statements[0]
    return statement.code > segment_size or statement.weight > 2 * segment_size


def group(statements: Sequence[Statement], segment_size: int) -> List[Segment]:
    """Consecutive statements into segments of at most ``segment_size`` code bytes (a statement
    larger than that is a segment of its own; the caller decides what to do with it)."""
    segments: List[Segment] = []
    for statement in statements:
        last = segments[-1] if segments else None
        if last is not None and last.weight + statement.weight <= segment_size and last.weight <= segment_size:
            last.end = statement.end
            last.weight += statement.weight
            last.statements.append(statement)
        else:
            segments.append(Segment(statement.start, statement.end, statement.line, statement.weight, [statement]))
    return segments


def prelude_statements(text: str, statements: Sequence[Statement], segment_size: int) -> List[Statement]:
    """The one-line imports and ``NAME = value`` assignments every segment is given, so that a
    name imported or a container made in another segment still resolves. Imports first (``from
    __future__`` leading); assignments only while the prelude stays small."""
    imports: List[Statement] = []
    assignments: List[Statement] = []
    budget = segment_size // _PRELUDE_SHARE
    for statement in statements:
        start = _code_start(text, statement.start)
        code = text[start : statement.end].rstrip()
        if not code or "\n" in code or "\r" in code or len(code) > _PRELUDE_LINE or code.endswith("\\"):
            continue
        if _IMPORT.match(code):
            imports.append(statement)
        elif _SIMPLE_ASSIGNMENT.match(code):
            assignments.append(statement)
    imports.sort(key=lambda s: not text.startswith("from __future__", _code_start(text, s.start)))
    chosen: List[Statement] = []
    used = 0
    for statement in imports + assignments:
        size = statement.end - statement.start
        if used + size > budget:
            break
        chosen.append(statement)
        used += size
    return chosen


def prelude_code(text: str, chosen: Sequence[Statement], segment: Segment) -> Tuple[str, List[int]]:
    """The prelude for ``segment``: the chosen statements that are not in it, one per line, and
    the file line of each (so what a rule says about them is said at their real place)."""
    lines: List[str] = []
    numbers: List[int] = []
    for statement in chosen:
        if segment.start <= statement.start < segment.end:
            continue
        start = _code_start(text, statement.start)
        lines.append(text[start : statement.end].rstrip() + "\n")
        numbers.append(statement.line + text.count("\n", statement.start, start))
    return "".join(lines), numbers


_DEFINITION = re.compile(r"^(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z_]\w*")


def defined_names(text: str, statements: Sequence[Statement]) -> Dict[str, int]:
    """Name -> index of the top-level statement that defines it, for ``def`` and ``class``."""
    names: Dict[str, int] = {}
    for index, statement in enumerate(statements):
        match = _DEFINITION.search(text, statement.start, statement.end)
        if match is not None:
            names.setdefault(match.group(1), index)
    return names


def names_from_elsewhere(text: str, segment: Segment, defined: Dict[str, int], own: Set[int]) -> Set[str]:
    """The functions and classes ``segment`` mentions that other segments define: its rules must
    know them as this module's names, not as unknown ones."""
    words = set(_WORD.findall(text, segment.start, segment.end))
    return {word for word in words if word in defined and defined[word] not in own}


def line_count(text: str, segment: Segment) -> int:
    """How many lines of the file ``segment`` spans."""
    breaks = text.count("\n", segment.start, segment.end)
    return breaks if text.endswith("\n", segment.start, segment.end) else breaks + 1


def merge_facts(parts: Sequence[Any]) -> Any:
    """One file's project facts from its segments' facts (each rule's own shape): lists are
    joined without repeating an item (a prelude statement is seen by every segment), mappings
    merged key by key, anything else taken from the first segment that has it."""
    present = [part for part in parts if part is not None]
    if not present:
        return None
    first = present[0]
    if len(present) == 1:
        return first
    if is_dataclass(first) and not isinstance(first, type):
        merged = {item.name: merge_facts([getattr(part, item.name) for part in present]) for item in fields(first)}
        return replace(first, **merged)
    if isinstance(first, dict):
        keys: Dict[Any, None] = {}
        for part in present:
            keys.update(dict.fromkeys(part))
        return {key: merge_facts([part[key] for part in present if key in part]) for key in keys}
    if isinstance(first, (list, tuple)):
        # A digest of each item's text, not the text: a generated 10 MB module's items print to
        # 65 MB, all held at once in this set while the facts themselves are alive.
        seen: Set[bytes] = set()
        joined = []
        for part in present:
            for item in part:
                key = _digest(item)
                if key not in seen:
                    seen.add(key)
                    joined.append(item)
        return type(first)(joined) if isinstance(first, tuple) else joined
    return first


class _Merge:
    """``merge_facts`` over parts given one at a time: the same result, without holding every
    part at once (the merged value and the part being added are alive, not all the parts).

    ``streamed`` names fields of a dataclass value left out of the merge: the caller reads them
    segment by segment instead (``SegmentItems``)."""

    __slots__ = ("count", "first", "state", "streamed")

    def __init__(self, streamed: Sequence[str] = ()) -> None:
        self.count = 0
        self.first: Any = None
        self.state: Any = None
        self.streamed = streamed

    def add(self, part: Any) -> None:
        if part is None:
            return
        self.count += 1
        if self.count == 1:
            self.first = part  # one part alone is the result itself, as merge_facts returns it
            return
        if self.count == 2:
            self.state = self._start(self.first)
            self._feed(self.first)
        self._feed(part)

    def _start(self, first: Any) -> Any:
        if is_dataclass(first) and not isinstance(first, type):
            return {item.name: _Merge() for item in fields(first) if item.name not in self.streamed}
        if isinstance(first, dict):
            return {}
        if isinstance(first, (list, tuple)):
            return (set(), [])
        return None

    def _feed(self, part: Any) -> None:
        first, state = self.first, self.state
        if is_dataclass(first) and not isinstance(first, type):
            for name, merge in state.items():
                merge.add(getattr(part, name))
        elif isinstance(first, dict):
            for key, value in part.items():
                merge = state.get(key)
                if merge is None:
                    merge = state[key] = _Merge()
                merge.add(value)
        elif isinstance(first, (list, tuple)):
            seen, joined = state
            for item in part:
                key = _digest(item)
                if key not in seen:
                    seen.add(key)
                    joined.append(item)

    def result(self) -> Any:
        """What ``merge_facts`` gives for the parts added (streamed fields: the first part's)."""
        first, state = self.first, self.state
        if self.count < 2:
            return first
        if is_dataclass(first) and not isinstance(first, type):
            return replace(first, **{name: merge.result() for name, merge in state.items()})
        if isinstance(first, dict):
            return {key: merge.result() for key, merge in state.items()}
        if isinstance(first, (list, tuple)):
            joined = state[1]
            return type(first)(joined) if isinstance(first, tuple) else joined
        return first


def _digest(item: Any) -> bytes:
    return hashlib.blake2b(repr(item).encode("utf-8", "surrogatepass"), digest_size=16).digest()


class SegmentItems:
    """A list field of a segmented file's merged facts, read from the segments' blobs each time
    it is iterated, one segment at a time, with repeats dropped as ``merge_facts`` drops them.

    For the function summaries of a file of tiny generated functions (a 10 MB module has 78,816),
    which the project pass hands on to a store that keeps only some in memory: merged in one
    list, they were all alive at once (about 10 MB per MB of source) before the store took them.
    """

    __slots__ = ("_blobs", "_code", "_name", "_any")

    def __init__(self, blobs: Sequence[bytes], code: str, name: str, any_items: bool) -> None:
        self._blobs = blobs
        self._code = code
        self._name = name
        self._any = any_items

    def __iter__(self) -> Iterator[Any]:
        seen: Set[bytes] = set()
        for blob in self._blobs:
            value = unpack(blob).get(self._code)
            if value is None:
                continue
            items = getattr(value, self._name)
            del value
            for item in items:
                key = _digest(item)
                if key not in seen:
                    seen.add(key)
                    yield item
            del items

    def __bool__(self) -> bool:
        return self._any

    def __len__(self) -> int:
        return sum(1 for _item in self)


def pack(value: Any) -> bytes:
    """A segment's facts as bytes: pickled, then compressed (zlib's fastest level), since they
    wait in memory, for every segment of the file, while the next segments are parsed. Pickled
    by ``spool.dumps``, so the segments' equal names become one object again when merged."""
    from leaklint.spool import dumps

    return zlib.compress(dumps(value), 1)


def unpack(blob: bytes, table: Optional[Dict[Any, Any]] = None) -> Any:
    """What ``pack`` packed; with ``table``, strings and numbers shared with earlier unpacks."""
    from leaklint.spool import loads

    return loads(zlib.decompress(blob), table)


class DeferredFacts:
    """A segmented file's project facts, left as each segment's pickle until the project pass
    (or the cache) needs them: merged then, by ``merge_facts`` exactly as at the end of the file.

    Merged live, they were the file's peak (a generated 10 MB module of tiny classes and
    functions holds 130 MB of facts), on top of its text, statement index and findings; deferred,
    they are rebuilt when only the facts are alive. Every code of the file maps to one handle.
    """

    __slots__ = ("blobs",)

    def __init__(self, blobs: List[bytes]) -> None:
        self.blobs = blobs  # each segment's {code: facts}, packed by pack()

    def merged(self) -> Dict[str, Any]:
        """{code: merged facts}; the blobs are dropped as they are read (call once)."""
        blobs, self.blobs = self.blobs, []
        blobs.reverse()
        facts: Dict[str, List[Any]] = {}
        table: Dict[Any, Any] = {}
        while blobs:
            for code, value in unpack(blobs.pop(), table).items():
                facts.setdefault(code, []).append(value)
        merged_by_identity: Dict[Tuple[int, ...], Any] = {}
        result: Dict[str, Any] = {}
        for code, values in facts.items():
            # Rules sharing one facts object per segment (LKL101 and LKL102) share the merged one
            # too, so the project pass builds one class graph, as for a file checked whole.
            identity = tuple(id(value) for value in values)
            if identity not in merged_by_identity:
                merged_by_identity[identity] = merge_facts(values)
            merged = merged_by_identity[identity]
            if merged is not None:
                result[code] = merged
        return result

    def merged_with(self, code: str, table: Optional[Dict[Any, Any]] = None,
                    streamed: Sequence[str] = ()) -> Dict[str, Any]:
        """{code: merged facts} for ``code`` and every code that has the same facts object in
        each segment (as LKL101 and LKL102 do), exactly as ``merged`` gives them; the blobs stay,
        so the project pass can merge one rule's facts at a time and let them go before the next.
        ``table`` shares strings and numbers with what else was read (``spool.loads``).

        Merged segment by segment: the merged value and one segment's facts are alive, never
        every segment's. ``streamed`` names list fields of dataclass facts that come back as
        ``SegmentItems`` (read from the blobs when iterated) rather than merged in memory."""
        if table is None:
            table = {}
        merge = _Merge(streamed)
        group: Optional[Set[str]] = None
        elsewhere: Set[str] = set()  # codes present in a segment without ``code``
        any_items = dict.fromkeys(streamed, False)
        for blob in self.blobs:
            part = unpack(blob, table)
            own = part.get(code)
            if own is None:
                elsewhere.update(part)
                continue
            sharing = {other for other, value in part.items() if value is own}
            group = sharing if group is None else group & sharing
            for name in streamed:
                any_items[name] = any_items[name] or bool(getattr(own, name, None))
            merge.add(own)
            del part, own
        if group is None:
            return {}
        # merged() merges once per tuple of a code's values over the segments: the codes with
        # the same tuple as ``code`` are those sharing its object wherever it is present, and
        # present nowhere else.
        merged = merge.result()
        if merged is None:
            return {}
        if merge.count > 1 and streamed and is_dataclass(merged):
            lazy = {name: SegmentItems(self.blobs, code, name, any_items[name])
                    for name in streamed if hasattr(merged, name)}
            merged = replace(merged, **lazy)
        return {other: merged for other in sorted(group - elsewhere)}


def expand_facts(result: Any) -> Any:
    """Give ``result`` (a FileResult) its merged facts in place of a DeferredFacts handle."""
    facts = result.facts
    if type(facts) is not dict:
        return result  # spool.PackedFacts: merged per rule, when the project pass reads it
    handles = {id(value): value for value in facts.values() if type(value) is DeferredFacts}
    if handles:
        merged: Dict[str, Any] = {}
        for handle in handles.values():
            merged.update(handle.merged())
        result.facts = {code: merged[code] for code in facts if code in merged}
    return result
