"""Source positions for reported nodes, computed only for files that report something."""

from __future__ import annotations

from typing import Mapping

import libcst as cst
from libcst.metadata import CodeRange, MetadataWrapper, PositionProvider


def compute_positions(module: cst.Module) -> Mapping[cst.CSTNode, CodeRange]:
    """Every node's syntactic range (libcst: 1-based lines, 0-based code-point columns).

    Runs the provider's code generation directly: going through MetadataWrapper's resolve
    machinery costs about twice as much (FACTS.md). Falls back to the public API if libcst's
    internals change.
    """
    try:
        provider = PositionProvider()
        provider._gen_impl(module)  # libcst internal: fills provider._computed
        return provider._computed
    except (AttributeError, TypeError):  # pragma: no cover - depends on libcst internals
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        return wrapper.resolve(PositionProvider)
