import threading
from typing import Any, Dict, Optional


class EnvPlayer:
    """A player driven step by step by a training loop."""

    def __init__(self, opponent: Optional[Any] = None, battle_format: str = "gen9randombattle") -> None:
        self._reward_buffer: Dict[Any, float] = {}
        self._opponent_lock = threading.Lock()
        self._opponent = opponent
        self._battle_format = battle_format
        self.current_battle: Optional[Any] = None

    def calc_reward(self, last_battle: Any, current_battle: Any) -> float:
        raise NotImplementedError

    def reward_computing_helper(self, battle: Any, *, fainted_value: float = 0.0, hp_value: float = 0.0,
                                number_of_pokemons: int = 6, starting_value: float = 0.0,
                                status_value: float = 0.0, victory_value: float = 1.0) -> float:
        if battle not in self._reward_buffer:
            self._reward_buffer[battle] = starting_value  # LEAK
        current = 0.0
        for mon in battle.team.values():
            current += mon.current_hp_fraction * hp_value
            if mon.fainted:
                current -= fainted_value
            elif mon.status is not None:
                current -= status_value
        current += (number_of_pokemons - len(battle.team)) * hp_value
        for mon in battle.opponent_team.values():
            current -= mon.current_hp_fraction * hp_value
            if mon.fainted:
                current += fainted_value
            elif mon.status is not None:
                current += status_value
        if battle.won:
            current += victory_value
        elif battle.lost:
            current -= victory_value
        reward = current - self._reward_buffer[battle]
        self._reward_buffer[battle] = current
        return reward

    def step(self, battle: Any) -> float:
        last, self.current_battle = self.current_battle, battle
        return self.calc_reward(last, battle)
