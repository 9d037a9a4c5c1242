from __future__ import annotations


def serialize(event: dict, max_depth: int = 5) -> dict:
    memo: set = set()

    def _serialize_node(obj, depth: int):  # LEAK
        if isinstance(obj, dict):
            return _serialize_mapping(obj, depth)  # LEAK
        if isinstance(obj, (list, tuple)):
            return [_serialize_node(item, depth + 1) for item in obj]
        return obj if isinstance(obj, (int, float, str, type(None))) else repr(obj)

    def _serialize_mapping(obj: dict, depth: int) -> dict:  # LEAK
        if depth >= max_depth or id(obj) in memo:
            return {"<truncated>": True}
        memo.add(id(obj))
        return {str(key): _serialize_node(value, depth + 1) for key, value in obj.items()}  # LEAK

    return _serialize_node(event, 0)
