from __future__ import annotations

import random
from itertools import count
from weakref import WeakValueDictionary

_KEYS = count()
REGISTERED: WeakValueDictionary = WeakValueDictionary()


def register_random(r: random.Random) -> None:
    if r not in REGISTERED.values():
        REGISTERED[next(_KEYS)] = r


def reseed_all(seed: int) -> dict:
    states = {}
    for key, r in list(REGISTERED.items()):
        states[key] = r.getstate()
        r.seed(seed)
    return states
