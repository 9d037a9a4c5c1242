from __future__ import annotations

import dataclasses
import inspect
import threading
import types
from functools import lru_cache
from typing import Dict, List, Optional, get_type_hints

import marshmallow

MAX_SCHEMA_CACHE_SIZE = 1024


class _SchemaContext:
    """State of one class_schema() call, kept out of the cached function's arguments."""

    def __init__(self, frame: Optional[types.FrameType]) -> None:
        self.seen_classes: Dict[type, str] = {}
        self.frame = frame

    def get_type_hints(self, cls: type) -> dict:
        frame = self.frame
        return get_type_hints(cls, localns=frame.f_locals if frame is not None else None)

    def __enter__(self) -> "_SchemaContext":
        _schema_ctx_stack.push(self)
        return self

    def __exit__(self, *exc) -> None:
        _schema_ctx_stack.pop()


class _LocalStack(threading.local):
    def __init__(self) -> None:
        self.stack: List[_SchemaContext] = []

    def push(self, value: _SchemaContext) -> None:
        self.stack.append(value)

    def pop(self) -> None:
        self.stack.pop()

    @property
    def top(self) -> _SchemaContext:
        return self.stack[-1]


_schema_ctx_stack = _LocalStack()


def class_schema(clazz: type, base_schema: Optional[type] = None,
                 clazz_frame: Optional[types.FrameType] = None) -> type:
    if not dataclasses.is_dataclass(clazz):
        clazz = dataclasses.dataclass(clazz)
    if not clazz_frame:
        current_frame = inspect.currentframe()
        if current_frame:
            clazz_frame = current_frame.f_back
        del current_frame
    with _SchemaContext(clazz_frame):
        return _internal_class_schema(clazz, base_schema)


@lru_cache(maxsize=MAX_SCHEMA_CACHE_SIZE)
def _internal_class_schema(clazz: type, base_schema: Optional[type] = None) -> type:
    schema_ctx = _schema_ctx_stack.top
    schema_ctx.seen_classes[clazz] = clazz.__name__
    hints = schema_ctx.get_type_hints(clazz)
    attributes = {
        field.name: marshmallow.fields.Raw(required=field.default is dataclasses.MISSING)
        for field in dataclasses.fields(clazz) if field.name in hints
    }
    return type(clazz.__name__, (base_schema or marshmallow.Schema,), attributes)
