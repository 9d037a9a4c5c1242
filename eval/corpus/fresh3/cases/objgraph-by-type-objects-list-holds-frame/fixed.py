from __future__ import annotations

import gc
from collections import Counter
from typing import Any, Dict, List, Optional


def by_type(typename: str, objects: Optional[List[Any]] = None) -> List[Any]:
    """Return the objects tracked by the collector whose type is named typename."""
    if objects is None:
        objects = gc.get_objects()
    ret = [o for o in objects if type(o).__name__ == typename]
    # the list holds this very frame: drop it so the frame is not in a cycle
    del objects
    return ret


def count(typename: str, objects: Optional[List[Any]] = None) -> int:
    if objects is None:
        objects = gc.get_objects()
    try:
        return sum(1 for o in objects if type(o).__name__ == typename)
    finally:
        del objects


def typestats(objects: Optional[List[Any]] = None) -> Dict[str, int]:
    if objects is None:
        objects = gc.get_objects()
    try:
        return dict(Counter(type(o).__name__ for o in objects))
    finally:
        del objects
