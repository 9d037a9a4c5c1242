from __future__ import annotations

from functools import cached_property
from typing import Dict


class Event:
    def __init__(self, id: int, slug: str, program_universe: "Universe") -> None:
        self.id = id
        self.slug = slug
        self.program_universe = program_universe


class Universe:
    def __init__(self, id: int) -> None:
        self.id = id

    def preload_dimensions(self) -> dict:
        return {n: [f"value-{n}-{m}" for m in range(100)] for n in range(50)}


class EventCache:
    def __init__(self, event: Event) -> None:
        self.event = event


class UniverseCache:
    def __init__(self, universe: Universe) -> None:
        self.universe = universe

    @cached_property
    def dimension_cache(self) -> dict:
        return self.universe.preload_dimensions()


class RequestLocalCache:
    def __init__(self, request: object) -> None:
        self.request = request
        self._event_cache: Dict[str, EventCache] = {}
        self._universe_cache: Dict[int, UniverseCache] = {}
        # event id -> UniverseCache
        self._program_universe_cache: Dict[int, UniverseCache] = {}

    def for_event(self, event: Event) -> EventCache:
        if event.slug not in self._event_cache:
            self._event_cache[event.slug] = EventCache(event=event)
        return self._event_cache[event.slug]

    def for_universe(self, universe: Universe) -> UniverseCache:
        if universe.id not in self._universe_cache:
            self._universe_cache[universe.id] = UniverseCache(universe=universe)
        return self._universe_cache[universe.id]

    def for_program_universe(self, event: Event) -> UniverseCache:
        if event.id not in self._program_universe_cache:
            universe = event.program_universe
            cache = UniverseCache(universe=universe)
            self._program_universe_cache[event.id] = cache
            self._universe_cache[universe.id] = cache
        return self._program_universe_cache[event.id]
