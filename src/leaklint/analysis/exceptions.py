"""What an ``except`` block does with the exception it caught, shared by the rules about kept
exceptions (LKL105 in the catching frame, LKL109 on long-lived holders)."""

from __future__ import annotations

from typing import Iterable, Optional

import libcst as cst

from leaklint.analysis.context import FileContext

CLEARERS = frozenset({"traceback.clear_frames"})


def traceback_dropped(context: FileContext, body: Iterable[cst.CSTNode], caught: Optional[str]) -> bool:
    """Whether the handler body clears the frames (``traceback.clear_frames(...)``) or drops the
    caught exception's traceback (``caught.__traceback__ = ...``)."""
    for inner in body:
        if isinstance(inner, cst.Call) and context.qualified_name(inner.func) in CLEARERS:
            return True
        if isinstance(inner, cst.Assign) and caught is not None:
            for target in inner.targets:
                t = target.target
                if (isinstance(t, cst.Attribute) and t.attr.value == "__traceback__"
                        and isinstance(t.value, cst.Name) and t.value.value == caught):
                    return True
    return False
