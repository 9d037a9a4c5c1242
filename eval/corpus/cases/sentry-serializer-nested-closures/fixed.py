from __future__ import annotations


def _serialize_node(obj, depth: int, memo: set, max_depth: int):
    if isinstance(obj, dict):
        return _serialize_mapping(obj, depth, memo, max_depth)
    if isinstance(obj, (list, tuple)):
        return [_serialize_node(item, depth + 1, memo, max_depth) for item in obj]
    return obj if isinstance(obj, (int, float, str, type(None))) else repr(obj)


def _serialize_mapping(obj: dict, depth: int, memo: set, max_depth: int) -> dict:
    if depth >= max_depth or id(obj) in memo:
        return {"<truncated>": True}
    memo.add(id(obj))
    return {str(key): _serialize_node(value, depth + 1, memo, max_depth) for key, value in obj.items()}


def serialize(event: dict, max_depth: int = 5) -> dict:
    return _serialize_node(event, 0, set(), max_depth)
