import functools
from collections import defaultdict
from itertools import chain
from typing import Any, Callable, DefaultDict, Dict, Iterable, List, Optional, Tuple


def _compose_mro(op_type: type, tracked: Iterable[type]) -> Tuple[type, ...]:
    tracked = set(tracked)
    return tuple(t for t in op_type.__mro__ if t in tracked)


class OpToRewriterTracker:
    """Maps node rewriters to the Op instances and Op types they track."""

    def __init__(self) -> None:
        self.tracked_instances: DefaultDict[Any, List[Any]] = defaultdict(list)
        self.tracked_types: DefaultDict[type, List[Any]] = defaultdict(list)
        self.untracked_rewrites: List[Any] = []
        self.get_trackers = functools.cache(self._get_trackers)
        self._cached_composed_mro: Optional[Callable[[type], Tuple[type, ...]]] = None

    def add_tracker(self, rw: Any) -> None:
        if self._cached_composed_mro is not None:
            # Trackers should all be added before the first lookup; start over if not.
            self.get_trackers = functools.cache(self._get_trackers)
            self._cached_composed_mro = None
        tracks = rw.tracks()
        if tracks is None:
            self.untracked_rewrites.append(rw)
            return
        for c in tracks:
            if isinstance(c, type):
                self.tracked_types[c].append(rw)
            else:
                self.tracked_instances[c].append(rw)

    def _get_trackers(self, op: Any) -> List[Any]:
        if self._cached_composed_mro is None:
            tracked_types = frozenset(self.tracked_types)

            @functools.cache
            def cached_composed_mro(op_type: type) -> Tuple[type, ...]:
                return _compose_mro(op_type, tracked_types)

            self._cached_composed_mro = cached_composed_mro
        matches: List[Any] = []
        if self.tracked_types:
            for t in self._cached_composed_mro(type(op)):
                matches.extend(self.tracked_types.get(t, []))
        matches.extend(self.tracked_instances.get(op, []))
        matches.extend(self.untracked_rewrites)
        return matches

    def get_rewriters(self) -> Iterable[Any]:
        return chain(chain.from_iterable(self.tracked_types.values()),
                     chain.from_iterable(self.tracked_instances.values()),
                     self.untracked_rewrites)
