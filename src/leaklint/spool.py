"""Checked files' packed results kept on disk, not in memory, until the project pass reads them.

The process that runs the project pass holds every file's result until every file is checked:
packed (pickled) they still took 120 MB on a sweep of 15,056 site-packages files, on top of the
checking itself with ``--jobs 1``. A ``Spool`` appends each blob to one anonymous temporary file
(deleted as soon as it is closed, or at once where the system allows it) and keeps only its
offset and length; ``get`` reads it back. The operating system's page cache decides what stays
in memory, and it gives that memory back under pressure, which a process's heap never does.
Where no temporary file can be made, the blobs stay in memory, as before.
"""

from __future__ import annotations

import io
import pickle
import sys
import tempfile
from array import array
from typing import IO, Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple

Ref = Tuple[int, int]  # (offset, length) in the spool
# Values that unpickle as new objects each time but repeat across pickles: a file's names (the
# same module, class and attribute names in every segment of a huge file and in every file that
# imports them) and numbers above CPython's small-int cache (lines, columns).
Shared = Dict[Any, Any]


class InterningTable(Dict[Any, Any]):
    """A table for ``loads`` that hands out strings through ``sys.intern`` (numbers and tuples
    are shared through the table, as in a plain one).

    For reads whose values outlive the table: the project pass reads each file's class-graph
    facts with a table of its own (``PackedFacts.peek``), so the same attribute, method, base and
    module names came back as one object per file (on a sweep of 15,056 site-packages files,
    223,000 method and attribute names of 68,000 distinct, and the targets of 132,000 import
    aliases). Interned, equal strings are one object across files while anything holds them,
    and still freed when nothing does (the run's shared table would keep them all)."""

    __slots__ = ()


class _SharingPickler(pickle.Pickler):
    """Writes every string, larger int and tuple of such as a persistent id, so ``loads`` can
    hand out one object per value across all the pickles it reads with the same table (callee
    descriptors like ``("func", "os.path.join")`` repeat in thousands of function summaries)."""

    def persistent_id(self, obj: Any) -> Any:
        kind = type(obj)
        if kind is str or (kind is int and not -5 <= obj <= 256) or (kind is tuple and obj and _plain(obj)):
            return obj
        return None


_ATOMS = (str, int, type(None))


def _plain(items: Tuple[Any, ...]) -> bool:
    """A tuple of strings, ints and None (or such tuples): equal ones are interchangeable. Not
    with a bool or float in it, which compare equal to an int of another type (``(1, "x") ==
    (True, "x")``)."""
    for item in items:
        kind = type(item)
        if kind is tuple:
            if not _plain(item):
                return False
        elif kind not in _ATOMS:
            return False
    return True


class _SharingUnpickler(pickle.Unpickler):
    def __init__(self, blob: bytes, table: Shared) -> None:
        super().__init__(io.BytesIO(blob))
        self._table = table
        self._intern = type(table) is InterningTable

    def persistent_load(self, pid: Any) -> Any:
        if self._intern and type(pid) is str:
            return _intern(pid)
        return self._table.setdefault(pid, pid)


_intern = sys.intern


def dumps(value: Any) -> bytes:
    """``value`` pickled for ``loads``: equal strings and numbers of all the pickles one table
    reads become one object (a 10 MB generated module's facts, read from 88 segments: 573,000
    strings, 138,000 distinct)."""
    buffer = io.BytesIO()
    _SharingPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


def loads(blob: bytes, table: Optional[Shared] = None) -> Any:
    """What ``dumps`` wrote, its strings and numbers taken from ``table`` when already there."""
    return _SharingUnpickler(blob, {} if table is None else table).load()


class Spool:
    """Append-only store of byte strings, read back by the reference ``put`` returns."""

    def __init__(self, in_memory: bool = False) -> None:
        self._file: Optional[IO[bytes]] = None
        self._memory: List[bytes] = []
        self._end = 0
        self.shared: Shared = {}  # for loads() of what is read back from this spool
        if not in_memory:
            try:
                self._file = tempfile.TemporaryFile(prefix="leaklint-results-")
            except OSError:
                self._file = None

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def put(self, blob: bytes) -> Ref:
        if self._file is None:
            self._memory.append(blob)
            return (len(self._memory) - 1, -1)
        self._file.seek(self._end)
        self._file.write(blob)
        ref = (self._end, len(blob))
        self._end += len(blob)
        return ref

    def get(self, ref: Ref) -> bytes:
        offset, length = ref
        if length < 0:
            return self._memory[offset]
        assert self._file is not None
        self._file.seek(offset)
        blob = self._file.read(length)
        if len(blob) != length:
            raise OSError(f"spool: read {len(blob)} of {length} bytes at {offset}")
        return blob

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._memory = []
        self.shared = {}

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# {rule code: blob index} maps of spooled facts, shared by every file with the same one (read only).
_CODE_MAPS: Dict[Tuple[Tuple[str, int], ...], Dict[str, int]] = {}


class PackedFacts(Mapping[str, Any]):
    """A file's project facts ({rule code: facts}) kept packed, each rule's unpacked when the
    project pass first reads it and let go by ``release`` once that rule is done, so the pass
    holds one rule's facts of every file at a time instead of every rule's.

    Codes that share one facts object (LKL101 and LKL102 read the same class-graph facts) are
    packed once and come back as one object, so the rules sharing it still build one graph.
    A segmented file's facts (``segments.DeferredFacts``) are merged one group at a time.
    """

    __slots__ = ("_codes", "_blobs", "_spool", "_live", "_peers")

    def __init__(self, codes: Dict[str, int], blobs: Any, spool: Optional[Spool]) -> None:
        self._codes = codes  # code -> index of its blob
        # Each a pickle, or a Ref into ``spool``; or (``spooled``) an array of the consecutive
        # blobs' boundaries in ``spool``: blob i is from bounds[i] to bounds[i + 1].
        self._blobs = blobs
        self._spool = spool
        self._live: Dict[str, Any] = {}
        self._peers: Tuple[str, ...] = ()  # the codes the last ``peek`` found sharing one object

    @classmethod
    def pack(cls, facts: Mapping[str, Any]) -> "PackedFacts":
        """``facts`` pickled, one blob per distinct facts object."""
        codes: Dict[str, int] = {}
        blobs: List[Any] = []
        index_of: Dict[int, int] = {}
        for code, value in facts.items():
            index = index_of.get(id(value))
            if index is None:
                index = index_of[id(value)] = len(blobs)
                blobs.append(dumps(value))
            codes[code] = index
        return cls(codes, blobs, None)

    def spooled(self, spool: Spool) -> "PackedFacts":
        """The same facts with their blobs moved to ``spool``, kept compact: the process that runs
        the project pass holds one of these per checked file (15,056 on a sweep of site-packages),
        and a dict of codes and a list of (offset, length) tuples each was about 1 KB per file.
        Files with the same codes share one dict (a dozen distinct ones in a whole sweep; nothing
        changes it), and blobs written one after another are one array of their boundaries."""
        refs = [spool.put(blob) for blob in self._blobs]
        codes = _CODE_MAPS.setdefault(tuple(self._codes.items()), self._codes)
        if refs and all(length >= 0 for _, length in refs) and all(
            refs[i][0] + refs[i][1] == refs[i + 1][0] for i in range(len(refs) - 1)
        ):
            bounds = array("q", [refs[0][0]])
            bounds.extend(offset + length for offset, length in refs)
            return PackedFacts(codes, bounds, spool)
        return PackedFacts(codes, refs, spool)

    def _blob(self, index: int) -> Any:
        """Blob ``index``: a pickle, or its Ref in the spool."""
        blobs = self._blobs
        if type(blobs) is array:
            return (blobs[index], blobs[index + 1] - blobs[index])
        return blobs[index]

    def _unpack(self, code: str, table: Shared, streamed: Sequence[str] = ()) -> Dict[str, Any]:
        """{code and every code sharing its facts object: that object}, freshly unpacked
        (``streamed``: see ``peek``)."""
        index = self._codes[code]
        blob = self._blob(index)
        value = loads(blob if self._spool is None else self._spool.get(blob), table)
        del blob
        from leaklint.segments import DeferredFacts

        if type(value) is DeferredFacts:
            return value.merged_with(code, table, streamed)
        return {other: value for other, other_index in self._codes.items() if other_index == index}

    def _load(self, code: str) -> None:
        table: Shared = {} if self._spool is None else self._spool.shared
        for other, value in self._unpack(code, table).items():
            self._live.setdefault(other, value)

    def has(self, code: str) -> bool:
        """Whether the file has facts for ``code`` (without unpacking them; a segmented file's
        may still merge to nothing, which ``peek`` answers with None)."""
        return code in self._live or code in self._codes

    def peek(self, code: str, streamed: Sequence[str] = ()) -> Any:
        """``code``'s facts unpacked for the caller alone (None if there are none): neither kept
        here nor sharing strings with what else the run reads (``Spool.shared`` would keep every
        string and tuple of them alive). For the project pass's on-demand reads
        (``leaklint.facts.on_demand``), which keep only what they index. Its strings are
        interned (``InterningTable``): one object with every other file's equal strings while
        something holds them, freed when nothing does. ``streamed``: list
        fields that a segmented file's facts give as ``segments.SegmentItems``, read segment by
        segment when iterated (``DeferredFacts.merged_with``)."""
        if code in self._live:
            return self._live[code]
        if code not in self._codes:
            return None
        group = self._unpack(code, InterningTable(), streamed)
        self._peers = tuple(group)
        return group.get(code)

    def __getitem__(self, code: str) -> Any:
        if code not in self._live:
            if code not in self._codes:
                raise KeyError(code)
            self._load(code)
            if code not in self._live:  # a segmented file's facts that merge to nothing
                raise KeyError(code)
        return self._live[code]

    def __contains__(self, code: object) -> bool:
        if code in self._live:
            return True
        if code not in self._codes:
            return False
        self._load(code)  # type: ignore[arg-type]
        return code in self._live

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)

    def shares(self, code: str, other: str) -> bool:
        """Whether ``other``'s facts are the object ``code``'s were (the project pass asks once
        ``code`` is released): unpacked with them and still held, or neither has facts here. A
        segmented file's facts of all codes sit in one blob, but only codes with one object in
        every segment are unpacked together (``DeferredFacts.merged_with``)."""
        if code not in self._codes and other not in self._codes:
            return True
        return other in self._live or (code in self._peers and other in self._peers)

    def release(self, code: str) -> None:
        """Let go of ``code``'s unpacked facts (read again from the blob if asked again)."""
        self._live.pop(code, None)
