"""A cheap iterative walk over a libcst tree.

libcst's own visitor machinery costs about as much as parsing (docs/performance.md); reading the dataclass
fields directly and keeping an explicit stack costs a fraction of that, gives every node's parent
for free, and cannot hit the recursion limit on deeply nested code.
"""

from __future__ import annotations

import abc
import dataclasses
import threading
from bisect import bisect_left
from contextlib import contextmanager
from operator import attrgetter
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Type

import libcst as cst

class _NodeClassType(abc.ABCMeta):
    """libcst's node classes are ABCs, so every ``isinstance(node, cst.Name)`` that fails (most of
    them: rules test one node against many types) runs ``ABCMeta.__instancecheck__``, a Python
    function that consults the ABC caches: about five times the cost of the same test on a plain
    class, and a tenth of leaklint's time on the stdlib. libcst registers no virtual subclasses
    and defines no ``__subclasshook__``, so the plain class-hierarchy test that ``type`` does in C
    gives the same answers; abstract methods and everything else ABCMeta does stay as they are.
    """

    __instancecheck__ = type.__instancecheck__
    __subclasscheck__ = type.__subclasscheck__


def _use_plain_type_checks(base: type) -> None:
    """Give ``base`` and its subclasses ``_NodeClassType`` (classes defined later inherit it),
    unless one has a virtual subclass or a subclass hook, whose answers only ABCMeta gives."""
    classes = {base}
    pending = [base]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in classes:
                classes.add(subclass)
                pending.append(subclass)
    try:
        if any(abc._get_dump(c)[0] or "__subclasshook__" in vars(c) for c in classes):  # type: ignore[attr-defined]
            return
        for c in classes:
            if type(c) is abc.ABCMeta:
                c.__class__ = _NodeClassType
    except (AttributeError, TypeError):  # pragma: no cover - another Python's abc, or libcst's
        return


_use_plain_type_checks(cst.CSTNode)


# Fields that hold only whitespace, punctuation or operators. Rules read these directly from the
# parent node when they care (``node.operator``), so the walk does not descend into them.
_SKIPPED_FIELDS = frozenset(
    {
        "lpar", "rpar", "leading_lines", "lines_after_decorators", "comma", "semicolon", "header",
        "footer", "trailing_whitespace", "equal", "dot", "colon", "star", "lbracket", "rbracket",
        "lbrace", "rbrace", "operator", "indent", "asynchronous", "whitespace_between",
        "posonly_ind", "default_indent", "default_newline", "encoding", "has_trailing_newline",
        "value_ws", "start", "end", "prefix", "quote",
    }
)
_BODY_FIELDS = ("body", "handlers", "orelse", "finalbody")
# Fields listed in source order where the dataclass order differs from it.
_SOURCE_ORDER_OVERRIDES: Dict[str, Tuple[str, ...]] = {
    "IfExp": ("body", "test", "orelse"),
    "Parameters": ("posonly_params", "params", "star_arg", "kwonly_params", "star_kwarg"),
    "Lambda": ("params", "body"),
    "DictComp": ("key", "value", "for_in"),
}

# Fields declared as text hold no node: ``Name.value``, ``Integer.value``, ``SimpleString.value``
# (most leaves of a tree) then have no field to read at all.
_TEXT_TYPES = (str, Optional[str], "str", "Optional[str]")

_field_cache: Dict[Type[cst.CSTNode], Tuple[str, ...]] = {}


def child_fields(node_type: Type[cst.CSTNode]) -> Tuple[str, ...]:
    """The names of ``node_type``'s fields that may hold child nodes, in source order."""
    cached = _field_cache.get(node_type)
    if cached is not None:
        return cached
    override = _SOURCE_ORDER_OVERRIDES.get(node_type.__name__)
    if override is not None:
        names: Tuple[str, ...] = override
    else:
        all_names = [
            f.name
            for f in dataclasses.fields(node_type)
            if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace") and f.type not in _TEXT_TYPES
        ]

        def order(name: str) -> int:
            if name == "decorators":
                return 0
            return 2 if name in _BODY_FIELDS else 1

        names = tuple(sorted(all_names, key=order))
    _field_cache[node_type] = names
    return names


# type -> 1 for a node, 2 for a sequence that may hold nodes, 0 for anything else. CSTNode is an
# ABC, so ``isinstance(value, cst.CSTNode)`` goes through ABCMeta: a dict lookup is much cheaper.
_kinds: Dict[type, int] = {}


def _kind(value_type: type) -> int:
    kind = 1 if issubclass(value_type, cst.CSTNode) else 2 if issubclass(value_type, (tuple, list)) else 0
    _kinds[value_type] = kind
    return kind


# type -> a function giving the values of its ``child_fields`` as a tuple (``attrgetter`` reads
# them in C), or None for a type without such fields (most leaves).
_getters: Dict[type, Optional[Callable[[cst.CSTNode], Tuple[object, ...]]]] = {}


def _values_getter(node_type: type) -> Optional[Callable[[cst.CSTNode], Tuple[object, ...]]]:
    names = child_fields(node_type)
    getter: Optional[Callable[[cst.CSTNode], Tuple[object, ...]]] = None
    if len(names) == 1:
        # attrgetter of one name gives no tuple; a second name that is never a node (the class:
        # its type is the metaclass, kind 0) keeps the read in C instead of a lambda per node.
        getter = attrgetter(names[0], "__class__")
    elif names:
        getter = attrgetter(*names)
    _getters[node_type] = getter
    return getter


def _computed_children(node: cst.CSTNode) -> List[cst.CSTNode]:
    kinds = _kinds
    found: List[cst.CSTNode] = []
    node_type = type(node)
    getter = _getters[node_type] if node_type in _getters else _values_getter(node_type)
    if getter is None:
        return found
    for value in getter(node):
        kind = kinds.get(type(value))
        if kind is None:
            kind = _kind(type(value))
        if kind == 1:
            found.append(value)
        elif kind == 2:
            for item in value:
                item_kind = kinds.get(type(item))
                if item_kind is None:
                    item_kind = _kind(type(item))
                if item_kind == 1:
                    found.append(item)
    return found


_SCOPE_TYPES = frozenset({cst.FunctionDef, cst.Lambda, cst.ClassDef})


class TreeIndex:
    """A file's tree walked once: every node in walk order and each node's children, so that
    rules can walk any subtree again without recomputing children.

    A subtree is a contiguous run of ``order``: it starts at its root and ends after the root's
    last descendant, found by following last children down.
    """

    def __init__(self) -> None:
        self.order: List[cst.CSTNode] = []
        self.kids: Dict[int, List[cst.CSTNode]] = {}  # id(node) -> its children, for nodes with any
        self._positions: Optional[Dict[int, int]] = None
        self._ends: Dict[int, int] = {}  # id(node) -> end(node), filled as asked
        self._scopes: Optional[Dict[int, List[cst.CSTNode]]] = None
        self._typed: Dict[type, List[int]] = {}  # scope node type -> positions of its nodes, as asked
        self._scope_starts: Optional[List[int]] = None
        self._member_positions: Dict[int, List[int]] = {}  # id(scope) -> positions of by_scope's members
        self._member_runs: Dict[int, List[Tuple[int, int]]] = {}  # id(scope) -> runs of those positions
        self.parents: Dict[int, cst.CSTNode] = {}

    @classmethod
    def build(cls, root: cst.CSTNode, parents: Dict[int, cst.CSTNode]) -> "TreeIndex":
        """Index ``root``'s tree, recording every node's parent (by id) in ``parents``."""
        index = cls()
        index.parents = parents
        visited = index.order.append
        kids = index.kids
        getters, kinds = _getters, _kinds
        stack: List[cst.CSTNode] = [root]
        pop, push, extend = stack.pop, stack.append, stack.extend
        while stack:
            node = pop()
            visited(node)
            # ``_computed_children`` inlined: this runs for every node of every file.
            node_type = type(node)
            getter = getters[node_type] if node_type in getters else _values_getter(node_type)
            if getter is None:
                continue  # a leaf
            found: List[cst.CSTNode] = []
            for value in getter(node):
                kind = kinds.get(type(value))
                if kind is None:
                    kind = _kind(type(value))
                if kind == 1:
                    found.append(value)
                elif kind == 2:
                    for item in value:
                        item_kind = kinds.get(type(item))
                        if item_kind is None:
                            item_kind = _kind(type(item))
                        if item_kind == 1:
                            found.append(item)
            if found:
                kids[id(node)] = found
                for child in found:
                    parents[id(child)] = node
                if len(found) == 1:
                    push(found[0])
                else:
                    extend(reversed(found))
        return index

    def position(self, node: cst.CSTNode) -> Optional[int]:
        if self._positions is None:
            self._positions = {id(node): i for i, node in enumerate(self.order)}
        return self._positions.get(id(node))

    def end(self, node: cst.CSTNode) -> int:
        """One past the position of ``node``'s last descendant (``node`` must be indexed)."""
        ends = self._ends
        found = ends.get(id(node))
        if found is not None:
            return found
        # Every node on the way down the last children ends where ``node`` ends: remember them all.
        chain = [node]
        below = self.kids.get(id(node))
        while below:
            last = below[-1]
            found = ends.get(id(last))
            if found is not None:
                break
            chain.append(last)
            below = self.kids.get(id(last))
        if found is None:
            found = self.position(chain[-1]) + 1  # type: ignore[operator]
        for member in chain:
            ends[id(member)] = found
        return found

    def subtree(self, root: cst.CSTNode) -> Optional[List[cst.CSTNode]]:
        start = self.position(root)
        return None if start is None else self.order[start : self.end(root)]

    def of_type(self, root: cst.CSTNode, node_type: type) -> Optional[List[cst.CSTNode]]:
        """The nodes of exactly ``node_type`` in ``root``'s subtree, in walk order, or None when
        ``root`` is not in this tree. Classes, functions and lambdas come from a per-file list
        of their positions (shared with ``by_scope``); other types filter the subtree."""
        start = self.position(root)
        if start is None:
            return None
        order = self.order
        positions = self._typed.get(node_type)
        if positions is None:
            if node_type not in _SCOPE_TYPES:
                # Other types: filtering the subtree costs no more than indexing the whole file.
                return [node for node in order[start : self.end(root)] if type(node) is node_type]
            positions = self._typed[node_type] = [i for i in self.scope_starts() if type(order[i]) is node_type]
        if not positions:
            return []
        low = bisect_left(positions, start)
        high = bisect_left(positions, self.end(root), low)
        return [order[i] for i in positions[low:high]]

    def scope_starts(self) -> List[int]:
        """The positions of every function, lambda and class, found once per file."""
        if self._scope_starts is None:
            scope_types = _SCOPE_TYPES
            self._scope_starts = [i for i, node in enumerate(self.order) if type(node) in scope_types]
        return self._scope_starts

    def scope_members(self, root: cst.CSTNode) -> Optional[List[cst.CSTNode]]:
        """What ``walk_scope(root)`` yields, or None when ``root`` is not in this tree."""
        start = self.position(root)
        if start is None:
            return None
        scopes = self.by_scope()
        if start == 0 or type(root) in _SCOPE_TYPES:
            return scopes[id(root)]
        # A block inside a scope (a function's body, an ``if``): the members of the enclosing
        # scope that lie in ``root``'s subtree, a slice of that scope's list (both are in walk
        # order). Rules ask for ``walk_scope(function.body)`` again and again: a bisection instead
        # of a loop over the subtree each time.
        parents = self.parents
        scope = parents.get(id(root))
        while scope is not None and type(scope) not in _SCOPE_TYPES:
            scope = parents.get(id(scope))
        if scope is None:
            scope = self.order[0]
        members = scopes[id(scope)]
        positions = self._member_positions.get(id(scope))
        if positions is None:
            # The members are runs of the walk order (``by_scope`` records them): their positions
            # are ranges, not a lookup per member.
            positions = []
            for first, end in self._member_runs[id(scope)]:
                positions.extend(range(first, end))
            self._member_positions[id(scope)] = positions
        low = bisect_left(positions, start)
        return members[low : bisect_left(positions, self.end(root), low)]

    def by_scope(self) -> Dict[int, List[cst.CSTNode]]:
        """``nodes_by_scope`` of the whole tree, computed once by slicing ``order``."""
        if self._scopes is not None:
            return self._scopes
        order = self.order
        root = order[0]
        members: List[cst.CSTNode] = [root]
        scopes: Dict[int, List[cst.CSTNode]] = {id(root): members}
        # id(scope) -> the (first, end) runs of walk positions its members come from, in order
        runs: List[Tuple[int, int]] = [(0, 1)]
        member_runs: Dict[int, List[Tuple[int, int]]] = {id(root): runs}
        cursor, end = 1, len(order)
        open_scopes: List[Tuple[List[cst.CSTNode], List[Tuple[int, int]], int, int]] = []
        for start in self.scope_starts():
            if start == 0:
                continue
            while start >= end:  # the current scope ended before this one starts
                members.extend(order[cursor:end])
                runs.append((cursor, end))
                members, runs, cursor, end = open_scopes.pop()
            members.extend(order[cursor : start + 1])  # up to and including the nested scope node
            runs.append((cursor, start + 1))
            scope_end = self.end(order[start])
            open_scopes.append((members, runs, scope_end, end))  # the parent resumes after the nested scope
            members = scopes[id(order[start])] = [order[start]]
            runs = member_runs[id(order[start])] = [(start, start + 1)]
            cursor, end = start + 1, scope_end
        while True:
            members.extend(order[cursor:end])
            runs.append((cursor, end))
            if not open_scopes:
                break
            members, runs, cursor, end = open_scopes.pop()
        self._member_runs = member_runs
        self._scopes = scopes
        return scopes


# The index of the file being analysed on this thread (the language server analyses in threads).
# Installed by the engine for the duration of a file; every lookup is by id() of nodes the index
# keeps alive, so a node of another tree (a fix's replacement, say) is never mistaken for one of
# this tree: it is not found, and the plain walks below answer for it.
_active = threading.local()


@contextmanager
def indexed(index: TreeIndex) -> Iterator[None]:
    previous = getattr(_active, "index", None)
    _active.index = index
    try:
        yield
    finally:
        _active.index = previous


def active_index() -> Optional[TreeIndex]:
    return getattr(_active, "index", None)


def children(node: cst.CSTNode) -> Sequence[cst.CSTNode]:
    """The child nodes the walk visits, in source order. Do not modify the result."""
    index: Optional[TreeIndex] = getattr(_active, "index", None)
    if index is not None:
        found = index.kids.get(id(node))
        if found is not None:
            return found
        if index.position(node) is not None:
            return ()  # indexed, and no children: a leaf
    return _computed_children(node)


def iter_children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The child nodes the walk visits, in source order."""
    return iter(children(node))


def walk(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node below ``root`` (included), depth first, in source order."""
    return _from_index_or(root, TreeIndex.subtree, _plain_walk)


def _from_index_or(
    root: cst.CSTNode,
    read: Callable[[TreeIndex, cst.CSTNode], Optional[List[cst.CSTNode]]],
    plain: Callable[[cst.CSTNode], Iterator[cst.CSTNode]],
) -> Iterator[cst.CSTNode]:
    """``read`` from the active index when ``root`` is in it, else the ``plain`` walk."""
    index: Optional[TreeIndex] = getattr(_active, "index", None)
    nodes = read(index, root) if index is not None else None
    return iter(nodes) if nodes is not None else plain(root)


def _plain_walk(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    stack: List[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def walk_type(root: cst.CSTNode, node_type: type) -> List[cst.CSTNode]:
    """The nodes of ``walk(root)`` whose type is exactly ``node_type`` (a concrete libcst class,
    never an abstract base such as ``BaseExpression``), in the same order. From the active index
    this is a slice of the walk order (for scope types, of a per-file list), with an exact type
    test per node instead of ``isinstance`` through libcst's ABCs."""
    index: Optional[TreeIndex] = getattr(_active, "index", None)
    nodes = index.of_type(root, node_type) if index is not None else None
    if nodes is not None:
        return nodes
    return [node for node in _plain_walk(root) if type(node) is node_type]


def walk_scope(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Like ``walk`` but does not enter nested functions, lambdas or classes below ``root``."""
    return _from_index_or(root, TreeIndex.scope_members, _plain_walk_scope)


def _plain_walk_scope(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    stack: List[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        yield node
        if node is not root and type(node) in _SCOPE_TYPES:
            continue
        stack.extend(reversed(children(node)))


def nodes_by_scope(root: cst.CSTNode, every: Optional[List[cst.CSTNode]] = None) -> Dict[int, List[cst.CSTNode]]:
    """One walk giving, for ``root`` and every function, lambda and class below it (by id),
    exactly the nodes ``walk_scope`` would yield for it, in the same order. ``every`` receives
    all nodes in ``walk`` order."""
    index: Optional[TreeIndex] = getattr(_active, "index", None)
    if index is not None and index.order[0] is root:
        if every is not None:
            every.extend(index.order)
        return index.by_scope()
    return _plain_nodes_by_scope(root, every)


def _plain_nodes_by_scope(
    root: cst.CSTNode, every: Optional[List[cst.CSTNode]] = None
) -> Dict[int, List[cst.CSTNode]]:
    scopes: Dict[int, List[cst.CSTNode]] = {id(root): [root]}
    if every is not None:
        every.append(root)
    stack: List[Tuple[cst.CSTNode, List[cst.CSTNode]]] = [(child, scopes[id(root)]) for child in reversed(children(root))]
    while stack:
        node, members = stack.pop()
        members.append(node)
        if every is not None:
            every.append(node)
        if type(node) in _SCOPE_TYPES:
            members = scopes[id(node)] = [node]
        for child in reversed(children(node)):
            stack.append((child, members))
    return scopes
