"""Objects that only the cyclic garbage collector freed, found per test.

The method, and why it is exact and cheap:

* When a test starts, ``gc.freeze()`` moves every object that already exists into the permanent
  generation (constant time: one list splice) and ``gc.disable()`` stops automatic collections.
  From then on the collector's generations hold only objects created by the test.
* When its teardown is done, one ``gc.collect()`` runs with ``gc.DEBUG_SAVEALL``: everything it finds
  unreachable is appended to ``gc.garbage`` instead of being freed. Because older objects are frozen,
  this collection scans only what the test created (its cost follows the test, not the heap), and
  every object it returns is, by definition, one that reference counting could not free: a member
  of a reference cycle, or something only a cycle kept alive. No sampling, no guessing from counts.
* The saved objects are grouped into connected components (``gc.get_referents`` restricted to the
  garbage), described (types, size including untracked buffers such as ``bytes``, allocation site
  from ``tracemalloc.get_object_traceback``) and mapped to a rule by shape. Then ``gc.garbage`` is
  emptied, a second collection frees them for real (finalizers and ResourceWarnings run inside the
  test's scope), and ``gc.unfreeze()`` / ``gc.enable()`` restore the collector.

Alternatives considered: diffing ``id()`` sets of ``gc.get_objects()`` costs a walk of the whole
heap twice per test and cannot tell "freed by refcounting" from "freed by the collector";
``gc.callbacks`` statistics give counts but not which objects. Leaving automatic collection on
would free some of the test's cycles mid-test, unseen; ``DEBUG_SAVEALL`` for the whole test would
change what the test observes (weakref callbacks and ``__del__`` would never run).

A test that calls ``gc.collect()`` itself still gets a full collection: a ``gc.callbacks`` hook
unfreezes the old objects first, so the test sees the collector behave as without the plugin; the
final collection is then a full one for that test.
"""

from __future__ import annotations

import gc
import sys
import types
from collections import Counter, deque
from typing import Any, Dict, List, Optional, Sequence, Tuple

from leaklint.pytest_plugin.leaks import RuntimeLeak, Site, Span, format_size
from leaklint.pytest_plugin.sites import allocation_frames, definition_span, is_user_file, user_frames

_CONTAINERS = (list, tuple, set, frozenset, dict, deque)
_MAX_COMPONENT = 20000  # objects per component examined for size and shape


class CycleWatch:
    """Brackets one test: ``start()`` before its setup, ``finish()`` after its teardown."""

    def __init__(self) -> None:
        self._frozen = False
        self._was_enabled = True
        self._garbage_before = 0
        self._collecting = False

    def start(self) -> None:
        self._garbage_before = len(gc.garbage)
        self._was_enabled = gc.isenabled()
        gc.disable()
        gc.freeze()
        self._frozen = True
        gc.callbacks.append(self._on_collect)

    def _on_collect(self, phase: str, info: Dict[str, Any]) -> None:
        # The test asked for a full collection: give it one over the whole heap, as without us.
        if phase == "start" and info.get("generation") == 2 and self._frozen and not self._collecting:
            gc.unfreeze()
            self._frozen = False

    def finish(self, test: str) -> List[RuntimeLeak]:
        self._collecting = True
        try:
            debug = gc.get_debug()
            gc.set_debug(debug | gc.DEBUG_SAVEALL)
            try:
                gc.collect()
            finally:
                gc.set_debug(debug)
            found = gc.garbage[self._garbage_before :]
            del gc.garbage[self._garbage_before :]
            try:
                leaks = describe_garbage(found, test)
            finally:
                del found
            gc.collect()  # now free them for real: finalizers run inside the test's scope
        finally:
            self._collecting = False
            if self._on_collect in gc.callbacks:
                gc.callbacks.remove(self._on_collect)
            if self._frozen:
                gc.unfreeze()
                self._frozen = False
            if self._was_enabled:
                gc.enable()
        return leaks


def _components(objects: Sequence[object]) -> List[List[int]]:
    """Connected components of the reference graph among ``objects`` (union-find over indices)."""
    index = {id(obj): i for i, obj in enumerate(objects)}
    parent = list(range(len(objects)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, obj in enumerate(objects):
        for referent in gc.get_referents(obj):
            j = index.get(id(referent))
            if j is not None:
                a, b = root(i), root(j)
                if a != b:
                    parent[a] = b
    groups: Dict[int, List[int]] = {}
    for i in range(len(objects)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _is_user_instance(obj: object) -> bool:
    cls = type(obj)
    module = sys.modules.get(cls.__module__)
    filename = getattr(module, "__file__", None)
    return bool(filename) and is_user_file(filename) and not isinstance(obj, type)


def _type_name(obj: object) -> str:
    return type(obj).__qualname__


def _size(members: List[object]) -> int:
    """Bytes held by the component: its objects plus untracked referents (bytes, str, numbers)."""
    total = 0
    seen = set()
    for obj in members:
        seen.add(id(obj))
        total += sys.getsizeof(obj, 0)
    for obj in members:
        for referent in gc.get_referents(obj):
            if id(referent) not in seen and not gc.is_tracked(referent):
                seen.add(id(referent))
                total += sys.getsizeof(referent, 0)
    return total


def _holds(value: object, target: object) -> bool:
    if value is target:
        return True
    if isinstance(value, dict):
        return any(v is target for v in value.values()) or any(k is target for k in value)
    if isinstance(value, _CONTAINERS):
        return any(item is target for item in value)  # type: ignore[union-attr]
    return False


def _callable_holds_self(value: object, owner: object) -> bool:
    if isinstance(value, types.MethodType):
        return value.__self__ is owner
    if isinstance(value, types.FunctionType) and value.__closure__:
        for cell in value.__closure__:
            try:
                if cell.cell_contents is owner:
                    return True
            except ValueError:  # an empty cell
                continue
    func = getattr(value, "func", None)  # functools.partial
    if func is not None and isinstance(func, types.MethodType):
        return func.__self__ is owner
    return False


def classify(members: List[object]) -> Tuple[List[str], List[object]]:
    """The rules a garbage component's shape corresponds to, the most specific first, and the
    objects that have that shape (the one in its own container, the one a stored callable holds)."""
    codes: List[str] = []
    culprits: List[object] = []
    if any(isinstance(obj, (types.FrameType, types.TracebackType)) for obj in members):
        codes.append("LKL105")
    self_in_container = callable_on_self = False
    for obj in members:
        attributes = getattr(obj, "__dict__", None)
        if not isinstance(attributes, dict) or isinstance(obj, type):
            continue
        for value in attributes.values():
            if _holds(value, obj):
                self_in_container = True
                culprits.append(obj)
            items = value.values() if isinstance(value, dict) else value if isinstance(value, _CONTAINERS) else (value,)
            if any(_callable_holds_self(item, obj) for item in items):  # type: ignore[union-attr]
                callable_on_self = True
                culprits.append(obj)
    if callable_on_self:
        codes.extend(("LKL104", "LKL401"))
    if self_in_container:
        codes.append("LKL103")
    if not codes:
        codes.append("LKL101")  # the general shape: objects pointing at each other
    if any(_defines_del(type(obj)) for obj in members):
        codes.append("LKL102")
    return codes, culprits


def _defines_del(cls: type) -> bool:
    """A ``__del__`` written in user code (LKL102 is about the user's finalizers, not io's)."""
    for klass in cls.__mro__:
        if "__del__" in vars(klass):
            module = sys.modules.get(klass.__module__)
            filename = getattr(module, "__file__", None)
            if filename and is_user_file(filename):
                return True
    return False


def _describe(members: List[object], test: str) -> Optional[RuntimeLeak]:
    user_instances = [obj for obj in members if _is_user_instance(obj)]
    holds_frames = any(isinstance(obj, (types.FrameType, types.TracebackType)) for obj in members)
    if not user_instances and not holds_frames and any(isinstance(obj, type) for obj in members):
        return None  # a class created during the test: every class is a cycle with its own __mro__
    size = _size(members)  # first: classify() reads __dict__, which materialises new dict objects
    codes, culprits = classify(members)
    user_culprits = [obj for obj in culprits if _is_user_instance(obj)]
    ranked = list({id(obj): obj for obj in user_culprits + user_instances + members}.values())
    site: Optional[Site] = None
    traceback: List[Site] = []
    located = 0
    allocated_by_user_code = False
    for obj in ranked[:200]:  # the site comes from the first located; a few more fill the traceback
        raw = allocation_frames(obj)
        allocated_by_user_code = allocated_by_user_code or bool(raw and is_user_file(raw[0][0]))
        frames = user_frames(raw)
        if not frames:
            continue
        if site is None:
            site = frames[0]
        traceback.extend(f for f in frames if f not in traceback)
        located += 1
        if located >= 4:
            break
    spans: List[Span] = []
    for cls in dict.fromkeys(type(obj) for obj in user_instances):
        span = definition_span(cls)
        if span is not None:
            spans.append(span)
    if not user_instances and not (holds_frames and site) and not allocated_by_user_code:
        # Nothing of the user's own: a library's internal cycle (argparse's parser and its help
        # formatter sections, say) that user code merely called into.
        return None
    names = list(dict.fromkeys(_type_name(obj) for obj in user_culprits + user_instances))
    others = Counter(_type_name(obj) for obj in members if not _is_user_instance(obj))
    shown = ", ".join(names[:6]) or ", ".join(name for name, _ in others.most_common(4))
    rest = ", ".join(f"{count} {name}" for name, count in others.most_common(4))
    summary = (
        f"reference cycle of {shown} ({len(members)} objects, {format_size(size)}; {rest}) "
        "freed only by the cyclic garbage collector"
    )
    if site is None and spans:
        site = (spans[0][0], spans[0][1])
    return RuntimeLeak(
        test=test,
        kind="cycles",
        codes=codes,
        type=shown,
        summary=summary,
        size=size,
        path=site[0] if site else None,
        line=site[1] if site else None,
        traceback=traceback[:20],
        spans=spans,
    )


def describe_garbage(found: List[object], test: str) -> List[RuntimeLeak]:
    leaks = []
    for component in _components(found):
        members = [found[i] for i in component[:_MAX_COMPONENT]]
        leak = _describe(members, test)
        if leak is not None:
            leaks.append(leak)
    leaks.sort(key=lambda leak: -(leak.size or 0))
    return leaks
