from __future__ import annotations

from .registry import Schema


def argmap_to_schema(argmap: dict) -> Schema:
    schema_class = type("ArgSchema", (Schema,), {"fields": dict(argmap)})  # LEAK
    return schema_class()


def parse(argmap: dict, request) -> dict:
    return argmap_to_schema(argmap).load(request.arguments)
