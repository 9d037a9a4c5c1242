from __future__ import annotations

from .registry import Schema


def argmap_to_schema(argmap: dict) -> Schema:
    # generated per request: kept out of the class registry
    schema_class = type("ArgSchema", (Schema,), {"fields": dict(argmap), "register": False})
    return schema_class()


def parse(argmap: dict, request) -> dict:
    return argmap_to_schema(argmap).load(request.arguments)
