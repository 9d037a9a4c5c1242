from __future__ import annotations

import contextlib
import random
from itertools import count
from weakref import WeakValueDictionary


class InvalidArgument(Exception):
    pass


# Effectively a WeakSet that keeps the saved states matched to their Random instances even as
# old ones are garbage collected.  Keys are ascending integers.
_RKEY = count()
RANDOMS_TO_MANAGE: WeakValueDictionary = WeakValueDictionary({next(_RKEY): random})


def register_random(r: random.Random) -> None:
    """Register the given Random instance for management by the test runner."""
    if not (hasattr(r, "seed") and hasattr(r, "getstate") and hasattr(r, "setstate")):
        raise InvalidArgument(f"r={r!r} does not have all the required methods")
    if r not in RANDOMS_TO_MANAGE.values():
        RANDOMS_TO_MANAGE[next(_RKEY)] = r


def get_seeder_and_restorer(seed: int = 0):
    assert isinstance(seed, int) and 0 <= seed < 2 ** 32
    states: dict = {}

    def seed_all() -> None:
        assert not states
        for k, r in RANDOMS_TO_MANAGE.items():
            states[k] = r.getstate()
            r.seed(seed)

    def restore_all() -> None:
        for k, state in states.items():
            r = RANDOMS_TO_MANAGE.get(k)
            if r is not None:  # not garbage collected yet
                r.setstate(state)
        states.clear()

    return seed_all, restore_all


@contextlib.contextmanager
def deterministic_PRNG(seed: int = 0):
    seed_all, restore_all = get_seeder_and_restorer(seed)
    seed_all()
    try:
        yield
    finally:
        restore_all()
