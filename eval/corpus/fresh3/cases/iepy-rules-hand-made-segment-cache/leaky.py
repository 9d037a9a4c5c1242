from __future__ import annotations

from typing import Dict, List, Tuple

_segment_tokens_cache: Dict[int, Tuple[Tuple[str, str], ...]] = {}  # LEAK


def load_segment(segment_id: int) -> List[Tuple[str, str]]:
    # stands for a database query returning (token, pos) pairs
    return [("token%d" % i, "NN") for i in range(segment_id % 50 + 1)]


def cached_segment_enriched_tokens(segment_id: int) -> Tuple[Tuple[str, str], ...]:
    if segment_id not in _segment_tokens_cache:
        _segment_tokens_cache[segment_id] = tuple(load_segment(segment_id))  # LEAK
    return _segment_tokens_cache[segment_id]


def apply_rule(rule, segment_ids: List[int]) -> List[int]:
    return [sid for sid in segment_ids if rule(cached_segment_enriched_tokens(sid))]
