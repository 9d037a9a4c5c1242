from __future__ import annotations

import contextlib
import random


class InvalidArgument(Exception):
    pass


RANDOMS_TO_MANAGE: list = [random]


def register_random(r: random.Random) -> None:
    """Register the given Random instance for management by the test runner."""
    if not (hasattr(r, "seed") and hasattr(r, "getstate") and hasattr(r, "setstate")):
        raise InvalidArgument(f"r={r!r} does not have all the required methods")
    if r not in RANDOMS_TO_MANAGE:
        RANDOMS_TO_MANAGE.append(r)  # LEAK


def get_seeder_and_restorer(seed: int = 0):
    assert isinstance(seed, int) and 0 <= seed < 2 ** 32
    states: list = []

    def seed_all() -> None:
        assert not states
        for r in RANDOMS_TO_MANAGE:
            states.append(r.getstate())
            r.seed(seed)

    def restore_all() -> None:
        assert len(states) == len(RANDOMS_TO_MANAGE)
        for r, state in zip(RANDOMS_TO_MANAGE, states):
            r.setstate(state)
        del states[:]

    return seed_all, restore_all


@contextlib.contextmanager
def deterministic_PRNG(seed: int = 0):
    seed_all, restore_all = get_seeder_and_restorer(seed)
    seed_all()
    try:
        yield
    finally:
        restore_all()
