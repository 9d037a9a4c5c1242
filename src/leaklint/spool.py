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

import pickle
import tempfile
from typing import IO, Any, Dict, Iterator, List, Mapping, Optional, Tuple

Ref = Tuple[int, int]  # (offset, length) in the spool


class Spool:
    """Append-only store of byte strings, read back by the reference ``put`` returns."""

    def __init__(self, in_memory: bool = False) -> None:
        self._file: Optional[IO[bytes]] = None
        self._memory: List[bytes] = []
        self._end = 0
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

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PackedFacts(Mapping[str, Any]):
    """A file's project facts ({rule code: facts}) kept packed, each rule's unpacked when the
    project pass first reads it and let go by ``release`` once that rule is done, so the pass
    holds one rule's facts of every file at a time instead of every rule's.

    Codes that share one facts object (LKL101 and LKL102 read the same class-graph facts) are
    packed once and come back as one object, so the rules sharing it still build one graph.
    A segmented file's facts (``segments.DeferredFacts``) are merged one group at a time.
    """

    __slots__ = ("_codes", "_blobs", "_spool", "_live")

    def __init__(self, codes: Dict[str, int], blobs: List[Any], spool: Optional[Spool]) -> None:
        self._codes = codes  # code -> index of its blob
        self._blobs = blobs  # each a pickle, or a Ref into ``spool``
        self._spool = spool
        self._live: Dict[str, Any] = {}

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
                blobs.append(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            codes[code] = index
        return cls(codes, blobs, None)

    def spooled(self, spool: Spool) -> "PackedFacts":
        """The same facts with their blobs moved to ``spool``."""
        return PackedFacts(self._codes, [spool.put(blob) for blob in self._blobs], spool)

    def _load(self, code: str) -> None:
        index = self._codes[code]
        blob = self._blobs[index]
        value = pickle.loads(blob if self._spool is None else self._spool.get(blob))
        del blob
        from leaklint.segments import DeferredFacts

        if type(value) is DeferredFacts:
            self._live.update(value.merged_with(code))
            return
        for other, other_index in self._codes.items():
            if other_index == index and other not in self._live:
                self._live[other] = value

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
        """Whether the two codes come from one blob (or neither has facts here)."""
        return self._codes.get(code) == self._codes.get(other)

    def release(self, code: str) -> None:
        """Let go of ``code``'s unpacked facts (read again from the blob if asked again)."""
        self._live.pop(code, None)
