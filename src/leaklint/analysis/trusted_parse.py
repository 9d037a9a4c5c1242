"""libcst's parse without libcst's per-node validation, for trees that come straight from its parser.

Every libcst node checks itself when it is constructed (``CSTNode.__post_init__`` calls
``_validate``: are the parentheses balanced, is there whitespace around a keyword...). That guards
trees that code builds by hand; a tree the parser built from source that CPython has already
accepted (the engine's syntax check compiles it; flake8 hands over its ``ast``) passes it anyway,
and the checks cost about a seventh of the parse (libcst's own comment there suggests moving them
out of parsing). ``parse_module`` here turns them off for the parsing
thread while it parses; nodes built anywhere else, fixes included, are validated as before.
``_validate`` only raises, it never changes a node, so the trees are the same.
"""

from __future__ import annotations

import threading
from typing import Union

import libcst as cst
from libcst._nodes.base import CSTNode


class _State(threading.local):
    trusted = False


_state = _State()


def _post_init(self: CSTNode) -> None:
    if not _state.trusted:
        self._validate()


def _install() -> bool:
    """Replace ``CSTNode.__post_init__`` (libcst defines no other) by one that can skip validation."""
    original = CSTNode.__dict__.get("__post_init__")
    if original is None or getattr(original, "__name__", "") != "__post_init__":  # pragma: no cover
        return False  # another libcst: keep its behaviour, parse with validation
    CSTNode.__post_init__ = _post_init  # type: ignore[method-assign]
    return True


_installed = _install()


def parse_module(source: Union[str, bytes]) -> cst.Module:
    """``libcst.parse_module(source)``, without per-node validation on this thread meanwhile."""
    if not _installed:  # pragma: no cover
        return cst.parse_module(source)
    previous = _state.trusted
    _state.trusted = True
    try:
        return cst.parse_module(source)
    finally:
        _state.trusted = previous
