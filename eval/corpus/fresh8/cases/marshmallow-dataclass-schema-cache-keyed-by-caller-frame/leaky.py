from __future__ import annotations

import dataclasses
import inspect
import threading
import types
from functools import lru_cache
from typing import Optional, get_type_hints

import marshmallow

MAX_SCHEMA_CACHE_SIZE = 1024
_RECURSION_GUARD = threading.local()


def class_schema(clazz: type, base_schema: Optional[type] = None,
                 clazz_frame: Optional[types.FrameType] = None) -> type:
    if not dataclasses.is_dataclass(clazz):
        clazz = dataclasses.dataclass(clazz)
    if not clazz_frame:
        current_frame = inspect.currentframe()
        if current_frame:
            clazz_frame = current_frame.f_back
        del current_frame
    _RECURSION_GUARD.seen_classes = {}
    try:
        return _internal_class_schema(clazz, base_schema, clazz_frame)  # LEAK
    finally:
        _RECURSION_GUARD.seen_classes.clear()


@lru_cache(maxsize=MAX_SCHEMA_CACHE_SIZE)  # LEAK
def _internal_class_schema(clazz: type, base_schema: Optional[type] = None,
                           clazz_frame: Optional[types.FrameType] = None) -> type:  # LEAK
    _RECURSION_GUARD.seen_classes[clazz] = clazz.__name__
    hints = get_type_hints(clazz, localns=clazz_frame.f_locals if clazz_frame else None)
    attributes = {
        field.name: marshmallow.fields.Raw(required=field.default is dataclasses.MISSING)
        for field in dataclasses.fields(clazz) if field.name in hints
    }
    return type(clazz.__name__, (base_schema or marshmallow.Schema,), attributes)
