from __future__ import annotations

import weakref
from typing import Dict, List


class Event:
    def __init__(self, uniq_id: str) -> None:
        self.uniq_id = uniq_id
        self.tournaments_by_id: Dict[int, "Tournament"] = {}

    def add_tournament(self, tournament_id: int, name: str) -> "Tournament":
        tournament = Tournament(self, tournament_id, name)
        self.tournaments_by_id[tournament_id] = tournament
        return tournament


class Tournament:
    def __init__(self, event: Event, tournament_id: int, name: str) -> None:
        self._event = weakref.ref(event)
        self.id = tournament_id
        self.name = name
        self.players_by_id: Dict[int, "Player"] = {}

    @property
    def event(self) -> Event:
        event = self._event()
        assert event is not None
        return event

    def add_player(self, player_id: int, rating: int) -> "Player":
        player = Player(self, player_id, rating)
        self.players_by_id[player_id] = player
        return player


class Player:
    def __init__(self, tournament: Tournament, player_id: int, rating: int) -> None:
        self._tournament = weakref.ref(tournament)
        self.id = player_id
        self.rating = rating
        self.results: List[float] = []

    @property
    def tournament(self) -> Tournament:
        tournament = self._tournament()
        assert tournament is not None
        return tournament


def load_event(uniq_id: str, rows: List[tuple]) -> Event:
    event = Event(uniq_id)
    for tournament_id, name, player_id, rating in rows:
        tournament = event.tournaments_by_id.get(tournament_id) or event.add_tournament(tournament_id, name)
        tournament.add_player(player_id, rating)
    return event
