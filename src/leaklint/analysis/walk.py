"""A cheap iterative walk over a libcst tree.

libcst's own visitor machinery costs about as much as parsing (FACTS.md); reading the dataclass
fields directly and keeping an explicit stack costs a fraction of that, gives every node's parent
for free, and cannot hit the recursion limit on deeply nested code.
"""

from __future__ import annotations

import dataclasses
from typing import Dict, Iterator, List, Optional, Tuple, Type

import libcst as cst

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
            if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace")
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


def children(node: cst.CSTNode) -> List[cst.CSTNode]:
    """The child nodes the walk visits, in source order."""
    kinds = _kinds
    found: List[cst.CSTNode] = []
    names = _field_cache.get(type(node)) or child_fields(type(node))
    for name in names:
        value = getattr(node, name)
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


def iter_children(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The child nodes the walk visits, in source order."""
    return iter(children(node))


def walk(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node below ``root`` (included), depth first, in source order."""
    stack: List[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        yield node
        below = children(node)
        below.reverse()
        stack.extend(below)


_SCOPE_TYPES = frozenset({cst.FunctionDef, cst.Lambda, cst.ClassDef})


def walk_scope(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Like ``walk`` but does not enter nested functions, lambdas or classes below ``root``."""
    stack: List[cst.CSTNode] = [root]
    while stack:
        node = stack.pop()
        yield node
        if node is not root and type(node) in _SCOPE_TYPES:
            continue
        below = children(node)
        below.reverse()
        stack.extend(below)


def nodes_by_scope(root: cst.CSTNode, every: Optional[List[cst.CSTNode]] = None) -> Dict[int, List[cst.CSTNode]]:
    """One walk giving, for ``root`` and every function, lambda and class below it (by id),
    exactly the nodes ``walk_scope`` would yield for it, in the same order. ``every`` receives
    all nodes in ``walk`` order."""
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
