"""Cache entries as plain data: ``FileResult`` to JSON-ready values and back, validated on the way in.

Decoding never runs code from the entry. Findings, fixes and suppressions have a fixed layout
checked field by field (types, ranges, known codes' shape, known enum values). Per-file facts are
any nesting of None, bool, int, float, str, list, tuple, dict, set and frozenset, plus the data
classes, named tuples and enums that leaklint's own, already imported modules define (a rule's facts are
usually dataclasses): such a value is written with its class's ``module:qualname`` and rebuilt
only when that names a dataclass or Enum in a ``leaklint.`` module that is already loaded, with
exactly its fields. Nothing is imported, no ``__init__``/``__post_init__`` runs, no other class is
ever instantiated; anything else is a DecodeError, which the cache treats as a miss.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import sys
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple

from leaklint.engine import FileResult
from leaklint.facts.records import SummaryRecord, compact_summary
from leaklint.rule import Confidence, Finding, FixInfo, FixSafety, Location, RelatedLocation, TextEdit
from leaklint.suppression import Suppressions

# 2: suppressions record the noqa codes the file pass used (LKL003); 3: shared facts; 4: findings
# carry their related locations (an older entry is another version: a miss, rebuilt).
VERSION = 4
_CODE = re.compile(r"^[A-Z]{1,3}[0-9]{0,4}$")
_NAME = re.compile(r"^leaklint(\.[A-Za-z_][A-Za-z0-9_]*)+:[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_CONFIDENCE = {member.value: member for member in Confidence}
_SAFETY = {member.value: member for member in FixSafety}
# Tags of the values JSON has no type for; a plain dict never has a key starting with "$".
_TUPLE, _SET, _FROZENSET, _DICT, _CLASS, _ENUM, _NAMEDTUPLE = "$t", "$s", "$fs", "$d", "$c", "$e", "$n"


_SUMMARY_RECORD = f"{SummaryRecord.__module__}:{SummaryRecord.__qualname__}"


class DecodeError(ValueError):
    """The entry is not what leaklint writes: a miss."""


# -- FileResult -----------------------------------------------------------------------------------


def encode_result(result: FileResult) -> Dict[str, Any]:
    from leaklint.segments import expand_facts

    expand_facts(result)  # a segmented file's deferred facts: merged once, kept merged
    first_code: Dict[int, str] = {}
    shared: Dict[str, str] = {}
    for code, value in result.facts.items():
        if id(value) in first_code:
            shared[code] = first_code[id(value)]
        else:
            first_code[id(value)] = code
    return {
        "v": VERSION,
        "path": result.path,
        "findings": [_encode_finding(finding) for finding in result.findings],
        "facts": {code: encode_value(value) for code, value in result.facts.items() if code not in shared},
        # Rules that share one facts object (LKL101 and LKL102 share the class graph facts) store
        # it once; decoding gives them one object again, so the project pass builds one graph.
        "same": [[code, first] for code, first in sorted(shared.items())],
        "suppressions": {
            "lines": [[line, sorted(codes)] for line, codes in sorted(result.suppressions.lines.items())],
            "file": sorted(result.suppressions.file),
            # Which line codes silenced a finding of the file pass: without them a warm run would
            # call every used `# noqa: LKL...` unused (LKL003).
            "used": [[line, code] for line, code in sorted(result.suppressions.used)],
        },
    }


def decode_result(document: Any, path: str) -> FileResult:
    """The FileResult ``document`` (as ``loads`` gives it) describes, for the file ``path``;
    DecodeError when malformed."""
    entry = _dict(document, {"v", "path", "findings", "facts", "same", "suppressions"})
    if entry["v"] != VERSION or entry["path"] != path:
        raise DecodeError("another version or another file")
    findings = [_decode_finding(item) for item in _list(entry["findings"])]
    facts_table = entry["facts"]
    if not isinstance(facts_table, dict):
        raise DecodeError("facts")
    facts = {_code(code): value for code, value in facts_table.items()}
    for item in _list(entry["same"]):
        code, first = _pair(item)
        if _code(first) not in facts:
            raise DecodeError("shared facts of a code with none")
        facts[_code(code)] = facts[first]
    facts = {code: facts[code] for code in sorted(facts)}  # rules run, and store facts, in code order
    table = _dict(entry["suppressions"], {"lines", "file", "used"})
    lines: Dict[int, FrozenSet[str]] = {}
    for item in _list(table["lines"]):
        line, codes = _pair(item)
        lines[_positive(line)] = _prefixes(codes)
    used = set()
    for item in _list(table["used"]):
        line, code = _pair(item)
        used.update((_positive(line), prefix) for prefix in _prefixes([code]))
    return FileResult(path, findings, facts, Suppressions(lines, _prefixes(table["file"]), used))


def encode_project(produced: List[Tuple[str, Finding]]) -> Dict[str, Any]:
    """The project pass's produced findings (see ``engine.project_findings``) as plain data."""
    return {"v": VERSION, "project": [[code, _encode_finding(finding)] for code, finding in produced]}


def decode_project(document: Any) -> List[Tuple[str, Finding]]:
    """``encode_project``'s value back; DecodeError when malformed."""
    entry = _dict(document, {"v", "project"})
    if entry["v"] != VERSION:
        raise DecodeError("another version")
    produced = []
    for item in _list(entry["project"]):
        code, finding = _pair(item)
        produced.append((_code(code), _decode_finding(finding)))
    return produced


def _encode_finding(finding: Finding) -> List[Any]:
    loc = finding.location
    fix = finding.fix
    encoded_fix = None
    if fix is not None:
        edits = [[e.start_line, e.start_column, e.end_line, e.end_column, e.content] for e in fix.edits]
        encoded_fix = [fix.title, fix.safety.value, edits]
    return [
        finding.path, finding.code, finding.rule, finding.message, finding.suggestion,
        loc.line, loc.column, loc.end_line, loc.end_column, finding.confidence.value, encoded_fix,
        [[r.path, r.line, r.column, r.message] for r in finding.related],
    ]


def _decode_finding(item: Any) -> Finding:
    if not isinstance(item, list) or len(item) != 12:
        raise DecodeError("finding")
    path, code, rule, message, suggestion, line, column, end_line, end_column, confidence, fix, related = item
    for text in (path, rule, message, suggestion):
        _str(text)
    location = Location(_positive(line), _positive(column), _positive(end_line), _positive(end_column))
    if confidence not in _CONFIDENCE:
        raise DecodeError("confidence")
    return Finding(
        path, _code(code), rule, message, suggestion, location, _CONFIDENCE[confidence], _decode_fix(fix),
        related=_decode_related(related),
    )


def _decode_related(related: Any) -> Tuple[RelatedLocation, ...]:
    hops = []
    for hop in _list(related):
        if not isinstance(hop, list) or len(hop) != 4:
            raise DecodeError("related location")
        path, line, column, message = hop
        hops.append(RelatedLocation(_str(path), _positive(line), _positive(column), _str(message)))
    return tuple(hops)


def _decode_fix(fix: Any) -> Optional[FixInfo]:
    if fix is None:
        return None
    if not isinstance(fix, list) or len(fix) != 3 or fix[1] not in _SAFETY:
        raise DecodeError("fix")
    edits = []
    for edit in _list(fix[2]):
        if not isinstance(edit, list) or len(edit) != 5:
            raise DecodeError("edit")
        start_line, start_column, end_line, end_column, content = edit
        edits.append(
            TextEdit(_positive(start_line), _positive(start_column), _positive(end_line), _positive(end_column), _str(content))
        )
    return FixInfo(_str(fix[0]), _SAFETY[fix[1]], tuple(edits))


def _dict(value: Any, keys: set) -> Dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise DecodeError("a table with other keys")
    return value


def _list(value: Any) -> List[Any]:
    if not isinstance(value, list):
        raise DecodeError("expected a list")
    return value


def _pair(value: Any) -> Tuple[Any, Any]:
    if not isinstance(value, list) or len(value) != 2:
        raise DecodeError("expected a pair")
    return value[0], value[1]


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise DecodeError("expected a string")
    return value


def _positive(value: Any) -> int:
    if type(value) is not int or value < 1:
        raise DecodeError("expected a positive integer")
    return value


def _code(value: Any) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise DecodeError("expected a code")
    return value


def _prefixes(value: Any) -> FrozenSet[str]:
    # "" is the empty prefix of a bare noqa (it silences every code).
    if not isinstance(value, list) or not all(isinstance(v, str) and (v == "" or _CODE.match(v)) for v in value):
        raise DecodeError("expected codes")
    return frozenset(value)


# -- generic values (facts) -----------------------------------------------------------------------


# Exact types JSON writes as they are: most values of a fact are names and line numbers, and
# testing the exact type first spares them the two isinstance tests and a call each.
_ATOMIC = frozenset({str, int, float, bool, type(None)})


def encode_value(value: Any) -> Any:
    """``value`` as JSON-ready data; DecodeError for anything that is not plain data."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [item if type(item) in _ATOMIC else encode_value(item) for item in value]
    if kind is tuple:
        return {_TUPLE: [item if type(item) in _ATOMIC else encode_value(item) for item in value]}
    if kind is dict:
        if all(type(k) is str and k[:1] != "$" for k in value):
            return {k: v if type(v) in _ATOMIC else encode_value(v) for k, v in value.items()}
        return {_DICT: [[encode_value(k), encode_value(v)] for k, v in value.items()]}
    if isinstance(value, (str, bool, int, float)) and not isinstance(value, enum.Enum):
        return value  # a subclass of a plain type (an Enum is tagged below)
    if kind is set or kind is frozenset:
        items = [encode_value(item) for item in value]
        items.sort(key=repr)  # the same set gives the same bytes
        return {_SET if kind is set else _FROZENSET: items}
    if isinstance(value, enum.Enum):
        return {_ENUM: _name_of(kind), "v": encode_value(value.value)}
    if kind is SummaryRecord:
        # Plain data all the way down (names, numbers, tuples and one dict of names): JSON writes
        # its tuples as arrays, so the record costs no tag per entry; decoding freezes them again.
        return {_NAMEDTUPLE: _SUMMARY_RECORD, "f": list(value)}
    if isinstance(value, tuple) and isinstance(getattr(kind, "_fields", None), tuple):
        return {_NAMEDTUPLE: _name_of(kind), "f": [encode_value(item) for item in value]}
    fields = _DATACLASS_FIELDS.get(kind)
    if fields is None and dataclasses.is_dataclass(value):
        fields = _DATACLASS_FIELDS[kind] = (_name_of(kind), tuple(f.name for f in dataclasses.fields(value)))
    if fields is not None:
        # Fields by position: one JSON object per instance, the cheapest shape to read back.
        values = [getattr(value, name) for name in fields[1]]
        return {_CLASS: fields[0], "f": [item if type(item) in _ATOMIC else encode_value(item) for item in values]}
    raise DecodeError(f"{kind.__name__} is not plain data")


# A dataclass's tag and field names, found once per class (``dataclasses.fields`` builds a tuple
# of Field objects on every call). A class that ``_name_of`` refuses raises before it is kept.
_DATACLASS_FIELDS: Dict[type, Tuple[str, Tuple[str, ...]]] = {}


def loads(payload: bytes) -> Any:
    """Parse an entry's JSON, rebuilding tagged values as the parser meets them (bottom-up)."""
    return json.loads(payload, object_hook=_untag)


def decode_value(value: Any) -> Any:
    """A value as ``json.loads`` gives it (without the hook), rebuilt; for tests and tools."""
    return json.loads(json.dumps(value), object_hook=_untag)


def _untag(table: Dict[str, Any]) -> Any:
    """One JSON object, its members already rebuilt: a plain dict, or the tagged value it stands for."""
    size = len(table)
    if size == 2:
        name = table.get(_CLASS)
        if name is not None:
            cls, names = _known_class(name)
            fields = table.get("f")
            if names is None or type(fields) is not list or len(fields) != len(names):
                raise DecodeError("not the fields of the class")
            instance = object.__new__(cls)
            for field_name, value in zip(names, fields):  # no __init__: the entry decides nothing that runs
                object.__setattr__(instance, field_name, value)
            return instance
        name = table.get(_NAMEDTUPLE)
        if name is not None:
            cls, _ = _known_class(name)
            fields = table.get("f")
            names = getattr(cls, "_fields", None)
            if not (issubclass(cls, tuple) and isinstance(names, tuple)) or type(fields) is not list or len(fields) != len(names):
                raise DecodeError("not the fields of the named tuple")
            if cls is SummaryRecord:
                # JSON gave its tuples back as lists: freeze them again, so a cached summary is
                # the same record (equal, hashable, read-only) as the one the file pass made.
                return compact_summary(dict(zip(names, fields)))
            return tuple.__new__(cls, fields)  # no __new__ of the class: nothing it defines runs
        name = table.get(_ENUM)
        if name is not None and "v" in table:
            cls = _known_class(name)[0]
            if not issubclass(cls, enum.Enum):
                raise DecodeError("not an enum")
            try:
                return cls(table["v"])
            except ValueError:
                raise DecodeError("not a member") from None
    elif size == 1:
        for tag, items in table.items():
            decoder = _CONTAINERS.get(tag)
            if decoder is not None:
                return decoder(_list(items))
    for key in table:
        if key[:1] == "$":
            raise DecodeError(f"unknown tag {key!r}")
    return table


def _hashable(items: List[Any]) -> List[Any]:
    try:
        for item in items:
            hash(item)
    except TypeError:
        raise DecodeError("an unhashable member") from None
    return items


def _decode_dict(items: List[Any]) -> Dict[Any, Any]:
    result = {}
    for item in items:
        key, value = _pair(item)
        _hashable([key])
        result[key] = value
    return result


_CONTAINERS: Dict[str, Callable[[List[Any]], Any]] = {
    _TUPLE: tuple,
    _SET: lambda items: set(_hashable(items)),
    _FROZENSET: lambda items: frozenset(_hashable(items)),
    _DICT: _decode_dict,
}


def _name_of(cls: type) -> str:
    name = f"{cls.__module__}:{cls.__qualname__}"
    if not _NAME.match(name) or "<" in cls.__qualname__:
        raise DecodeError(f"{name} is not a leaklint class that an entry may hold")
    return name


_KNOWN: Dict[str, Tuple[type, Optional[Tuple[str, ...]]]] = {}


def _known_class(name: Any) -> Tuple[type, Optional[Tuple[str, ...]]]:
    """A dataclass (with its field names) or Enum defined in an already imported ``leaklint.``
    module; never imports."""
    known = _KNOWN.get(name) if isinstance(name, str) else None
    if known is not None:
        return known
    if not isinstance(name, str) or not _NAME.match(name):
        raise DecodeError("not a leaklint class name")
    module_name, qualname = name.split(":")
    found: Any = sys.modules.get(module_name)
    for part in qualname.split("."):
        if found is None or part.startswith("__"):
            raise DecodeError(f"{name} is not loaded")
        found = vars(found).get(part) if hasattr(found, "__dict__") else None
    if not (
        isinstance(found, type)
        and found.__module__ == module_name
        and found.__qualname__ == qualname
        and (
            dataclasses.is_dataclass(found)
            or issubclass(found, enum.Enum)
            or (issubclass(found, tuple) and isinstance(getattr(found, "_fields", None), tuple))
        )
    ):
        raise DecodeError(f"{name} is not a leaklint dataclass, named tuple or enum")
    names = tuple(f.name for f in dataclasses.fields(found)) if dataclasses.is_dataclass(found) else None
    _KNOWN[name] = (found, names)
    return found, names
