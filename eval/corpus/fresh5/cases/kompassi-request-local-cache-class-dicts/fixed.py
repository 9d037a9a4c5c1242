from __future__ import annotations

from typing import Dict, Tuple


class Dimension:
    def __init__(self, universe_id: int, slug: str) -> None:
        self.universe_id = universe_id
        self.slug = slug


class RequestLocalCache:
    """Lookups memoized for the lifetime of one request."""

    def __init__(self, request_id: str) -> None:
        self.request_id = request_id
        self.dimensions_by_slug: Dict[Tuple[int, str], Dimension] = {}
        self.values_by_dimension: Dict[Tuple[int, str], list] = {}

    def get_dimension(self, universe_id: int, slug: str) -> Dimension:
        key = (universe_id, slug)
        if key not in self.dimensions_by_slug:
            self.dimensions_by_slug[key] = Dimension(universe_id, slug)
        return self.dimensions_by_slug[key]

    def get_values(self, universe_id: int, slug: str) -> list:
        key = (universe_id, slug)
        if key not in self.values_by_dimension:
            self.values_by_dimension[key] = [f"{slug}-{n}" for n in range(3)]
        return self.values_by_dimension[key]


def handle_request(request_id: str, universe_id: int, slugs: list) -> list:
    cache = RequestLocalCache(request_id)
    return [cache.get_dimension(universe_id, slug).slug for slug in slugs]
