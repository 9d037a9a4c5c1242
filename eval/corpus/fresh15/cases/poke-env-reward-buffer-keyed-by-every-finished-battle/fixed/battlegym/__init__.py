"""A reinforcement-learning wrapper around a battle simulator client."""
