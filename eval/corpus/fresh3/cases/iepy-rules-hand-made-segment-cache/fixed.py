from __future__ import annotations

from functools import lru_cache
from typing import List, Tuple


def load_segment(segment_id: int) -> List[Tuple[str, str]]:
    # stands for a database query returning (token, pos) pairs
    return [("token%d" % i, "NN") for i in range(segment_id % 50 + 1)]


@lru_cache(maxsize=8)
def cached_segment_enriched_tokens(segment_id: int) -> Tuple[Tuple[str, str], ...]:
    return tuple(load_segment(segment_id))


def apply_rule(rule, segment_ids: List[int]) -> List[int]:
    return [sid for sid in segment_ids if rule(cached_segment_enriched_tokens(sid))]
