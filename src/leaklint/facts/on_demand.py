"""Cross-file facts read when the project pass needs them, instead of all of them at once.

The class graph (``leaklint.analysis.class_graph``) and the object-flow layer (``leaklint.flow``)
once held every file's class-graph facts for the whole pass: on a sweep of 15,056 site-packages
files, 277 MB, 70% of it function summaries. Two pieces keep that out of memory:

- ``FactsByPath``: one rule's facts of every file, as a mapping that reads a file's facts from its
  result (``spool.PackedFacts.peek``) each time it is asked and keeps nothing. The class graph
  reads each file once, keeps what it indexes (classes, edges, aliases) and lets the rest go.
- ``SummaryStore``: the function summaries, the first of them (up to a budget) kept in memory,
  the others written to a temporary file in chunks and read back when a query needs them.
  Resident besides: the index of function names (name -> chunk and position).

A project with up to 50,000 summaries (the standard library has 33,000) keeps them all in memory,
as before; what a summary says is the same whether it was read back or not.
"""

from __future__ import annotations

import gc
import marshal
import pickle
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple

from leaklint.facts.records import SummaryRecord
from leaklint.spool import Ref, Spool

Summary = Any
# A project with up to SPILL_ABOVE summaries keeps them all in memory (the standard library has
# 33,000: about 60 MB, in a pass that peaks near 100 MB); a larger one keeps the first
# RESIDENT_BUDGET (about 2 KB each). Per chunk, summaries are written or read at once.
SPILL_ABOVE = 50_000
RESIDENT_BUDGET = 5_000
CHUNK = 200
RECENT = 4_000  # summaries asked for by name, kept besides the budget (emptied when full)
RECENT_CHUNKS = 8  # chunks read back for them, kept too (a caller's callees often share a module)
_POSITION_BITS = 16  # a summary's position in its chunk, in the index (chunks are far smaller)
_POSITION_MASK = (1 << _POSITION_BITS) - 1
# Fields of a segmented file's facts read segment by segment rather than merged in one list: the
# class-graph facts' function summaries, which the store takes as they come (a 10 MB module of
# tiny generated functions has 78,816; merged at once they were about 10 MB per MB of source).
STREAMED = ("summaries",)


class FactsByPath(Mapping[str, Any]):
    """path -> the facts rule ``code`` has for that file, read anew on every access (not kept).

    Built from the files' results (``engine.FileResult``): packed facts are unpacked on each
    access (``PackedFacts.peek``), plain dicts answered as they are. Paths come in sorted order
    (the class graph's), without those that have no facts for ``code``."""

    def __init__(self, results: Sequence[Any], code: str) -> None:
        self.code = code
        self._facts: Dict[str, Any] = {}
        for result in sorted(results, key=lambda result: result.path):
            facts = result.facts
            has = getattr(facts, "has", None)
            if has(code) if has is not None else code in facts:
                self._facts[result.path] = facts

    def __getitem__(self, path: str) -> Any:
        facts = self._facts[path]
        peek = getattr(facts, "peek", None)
        value = peek(self.code, STREAMED) if peek is not None else facts[self.code]
        if value is None:  # a segmented file's facts that merge to nothing
            raise KeyError(path)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._facts)

    def __len__(self) -> int:
        return len(self._facts)

    def items(self) -> Iterator[Tuple[str, Any]]:  # type: ignore[override]
        """(path, facts) for every path that has facts, each file read once."""
        for path in list(self._facts):
            try:
                yield path, self[path]
            except KeyError:
                continue


class SummaryStore(Mapping[str, Sequence[Summary]]):
    """path -> that file's function summaries, for the flow layer: all held in memory up to
    ``spill_above`` of them; beyond, only the first ``budget`` (in path order), the rest in
    ``CHUNK``-sized blobs in a temporary file.

    The flow layer reads every summary in order several times over (``FlowGraph.scopes``) and
    asks for single ones by name (callees). The resident set is fixed rather than the most
    recently used: a least-recently-used one, flooded by each pass in order, would read back
    every summary on every pass; a fixed one reads back only the spilled ones."""

    def __init__(self, budget: Optional[int] = None, chunk: Optional[int] = None,
                 spill_above: Optional[int] = None) -> None:
        self._budget = RESIDENT_BUDGET if budget is None else budget
        self._spill_above = max(self._budget, SPILL_ABOVE if spill_above is None else spill_above)
        self._spilling = False
        self._chunk = CHUNK if chunk is None else chunk
        if not 0 < self._chunk <= _POSITION_MASK + 1:
            raise ValueError(f"chunk of {self._chunk} summaries: the index holds positions up to {_POSITION_MASK}")
        self._paths: Dict[str, List[int]] = {}  # path -> its chunks' numbers
        self._chunk_path: List[str] = []
        self._resident: Dict[int, List[Summary]] = {}
        self._resident_count = 0
        self._spilled: Dict[int, Ref] = {}
        self._spool: Optional[Spool] = None
        self.reads = 0  # chunks read back from the temporary file (for tests and measurements)
        self._names: List[List[str]] = []  # each chunk's summaries' names, until ``finish``
        # name -> where the first summary of that name is, in path order: its chunk's number and
        # its position in the chunk as one int (``_POSITION_BITS``), the path from ``_chunk_path``. A
        # (path, chunk, position) tuple per name took 36 bytes more, for every function of the
        # project (hundreds of thousands on a sweep of site-packages).
        self._index: Dict[str, int] = {}
        self._recent: Dict[str, Tuple[str, Summary]] = {}  # see ``summary``
        self._recent_chunks: Dict[int, List[Summary]] = {}  # the last chunks ``summary`` read back

    # -- filling ---------------------------------------------------------------------------

    def add(self, path: str, summaries: Iterable[Summary]) -> None:
        """Keep ``path``'s summaries (called once per path, in the project pass's path order).
        ``summaries`` is iterated once (a segmented file's come segment by segment,
        ``segments.SegmentItems``), each chunk stored as soon as it is full."""
        numbers = self._paths.setdefault(path, [])
        part: List[Summary] = []
        for summary in summaries:
            part.append(summary)
            if len(part) == self._chunk:
                self._add_chunk(path, numbers, part)
                part = []
        if part:
            self._add_chunk(path, numbers, part)

    def _add_chunk(self, path: str, numbers: List[int], part: List[Summary]) -> None:
        number = len(self._chunk_path)
        self._chunk_path.append(path)
        self._names.append([summary["name"] for summary in part])
        numbers.append(number)
        self._put(number, part)

    def _put(self, number: int, part: List[Summary]) -> None:
        if number in self._resident or not self._spilling:
            self._resident_count += len(part) - len(self._resident.get(number, ()))
            self._resident[number] = part
            if self._resident_count > self._spill_above:
                self._spill()
            return
        self._spilled[number] = self._write(part)

    def _spill(self) -> None:
        """Write the latest chunks out until only ``budget`` summaries, the first ones, stay."""
        self._spilling = True
        for number in sorted(self._resident, reverse=True):
            if self._resident_count <= self._budget:
                break
            part = self._resident.pop(number)
            self._resident_count -= len(part)
            self._spilled[number] = self._write(part)

    def _write(self, part: List[Summary]) -> Ref:
        if self._spool is None:
            self._spool = Spool()
        return self._spool.put(_dumps(part))

    def rename(self, path: str, renamed: Callable[[Summary], Summary]) -> None:
        """Replace each of ``path``'s summaries by ``renamed(summary)`` (before ``finish``)."""
        for number in self._paths.get(path, ()):
            part = [renamed(summary) for summary in self._part(number)]
            self._names[number] = [summary["name"] for summary in part]
            self._put(number, part)  # a spilled chunk is written again (the old blob stays unread)

    def finish(self) -> None:
        """Index the names once every path is added (and renamed): the first path that defines a
        name, in path order, answers for it."""
        for number, names in enumerate(self._names):
            for position, name in enumerate(names):
                self._index.setdefault(name, number << _POSITION_BITS | position)
        self._names = []

    def _part(self, number: int) -> List[Summary]:
        """Chunk ``number``: the resident list, or a copy read back for the caller alone."""
        part = self._resident.get(number)
        if part is not None:
            return part
        assert self._spool is not None
        self.reads += 1
        return _loads(self._spool.get(self._spilled[number]))

    def summary(self, name: str) -> Optional[Tuple[str, Summary]]:
        """(path, summary) of the first function named ``name``, or None. A spilled summary asked
        for by name (a callee, from anywhere in the project) is kept in a small table of its own,
        so a function many others call is not read back with its whole chunk each time."""
        found = self._recent.get(name)
        if found is not None:
            return found
        located = self._index.get(name)
        if located is None:
            return None
        number, position = located >> _POSITION_BITS, located & _POSITION_MASK
        path = self._chunk_path[number]
        part = self._resident.get(number)
        if part is not None:
            return path, part[position]
        part = self._recent_chunks.get(number)
        if part is None:
            part = self._recent_chunks[number] = self._part(number)
            if len(self._recent_chunks) > RECENT_CHUNKS:
                del self._recent_chunks[next(iter(self._recent_chunks))]  # the oldest read
        found = (path, part[position])
        if len(self._recent) >= RECENT:
            self._recent.clear()
        self._recent[name] = found
        return found

    @property
    def resident(self) -> int:
        """How many summaries are in memory now."""
        return self._resident_count

    # -- reading ---------------------------------------------------------------------------

    def __getitem__(self, path: str) -> List[Summary]:
        return [summary for number in self._paths[path] for summary in self._part(number)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def scopes(self) -> "Scopes":
        return Scopes(self)

    def functions(self) -> "Functions":
        return Functions(self)

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None

    def __del__(self) -> None:
        self.close()


class Scopes:
    """Every (path, summary) in path order, read chunk by chunk on each iteration (as the
    ``FlowGraph.scopes`` list was)."""

    __slots__ = ("_store",)

    def __init__(self, store: SummaryStore) -> None:
        self._store = store

    def __iter__(self) -> Iterator[Tuple[str, Summary]]:
        store = self._store
        for number, path in enumerate(store._chunk_path):
            for summary in store._part(number):
                yield path, summary


class Functions:
    """Summary name -> (path, summary) of its first definition (as the ``FlowGraph.functions``
    dict was): the names are in memory, the summary read when asked for."""

    __slots__ = ("_store", "_index")

    def __init__(self, store: SummaryStore) -> None:
        self._store = store
        self._index = store._index

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def __getitem__(self, name: str) -> Tuple[str, Summary]:
        found = self._store.summary(name)
        if found is None:
            raise KeyError(name)
        return found

    def get(self, name: str, default: Any = None) -> Any:
        found = self._store.summary(name)
        return default if found is None else found

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


# Chunks are written with ``marshal`` (a summary is tuples, strings, numbers and a dict: several
# times faster to read back than a pickle), records as plain tuples; pickle for anything else.
_MARSHAL, _PICKLE = b"m", b"p"


def _dumps(items: List[Summary]) -> bytes:
    records = [type(item) is SummaryRecord for item in items]
    try:
        return _MARSHAL + marshal.dumps(([tuple(item) if record else item for item, record in zip(items, records)],
                                         records))
    except ValueError:
        return _PICKLE + pickle.dumps(items, pickle.HIGHEST_PROTOCOL)


def _loads(blob: bytes) -> List[Summary]:
    # Without the cyclic collector while a chunk's tuples are made: every few thousand new
    # objects it would walk the whole heap of the project pass (read back six times over, the
    # summaries of a sweep cost twice the CPU with it on). Nothing made here is garbage yet.
    enabled = gc.isenabled()
    gc.disable()
    try:
        if blob[:1] == _PICKLE:
            return pickle.loads(blob[1:])  # type: ignore[no-any-return]
        items, records = marshal.loads(blob[1:])
    finally:
        if enabled:
            gc.enable()
    new = tuple.__new__
    return [new(SummaryRecord, item) if record else item for item, record in zip(items, records)]
