from typing import Any, Dict, Iterable, List, Tuple

from .cached import CachedPost


def apply_ops(ops: Iterable[Dict[str, Any]]) -> None:
    for op in ops:
        kind = op["type"]
        if kind == "comment":
            CachedPost.dirty("insert", op["author"], op["permlink"], op.get("id"))
        elif kind == "vote":
            CachedPost.dirty("upvote", op["author"], op["permlink"], op.get("id"))
        elif kind == "delete_comment":
            CachedPost.delete(op["author"], op["permlink"])


def sync(blocks: Iterable[List[Dict[str, Any]]], sink: List[Tuple[str, int, int]]) -> int:
    written = 0
    for ops in blocks:
        apply_ops(ops)
        written += CachedPost.flush(sink.extend)
    return written
