from typing import Any

from .env_player import EnvPlayer


class HpDeltaPlayer(EnvPlayer):
    """The reward is the change in the weighted value of the battle since the last step."""

    def calc_reward(self, last_battle: Any, current_battle: Any) -> float:
        return self.reward_computing_helper(current_battle, fainted_value=2.0, hp_value=1.0, victory_value=30.0)

    def embed_battle(self, battle: Any) -> Any:
        return [mon.current_hp_fraction for mon in battle.team.values()]
