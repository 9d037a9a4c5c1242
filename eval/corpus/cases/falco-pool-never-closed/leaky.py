from __future__ import annotations

import multiprocessing


def _propagate(mode: int) -> float:
    return float(mode) ** 0.5


def compute_jacobian(modes: list, workers: int = 4) -> list:
    pool = multiprocessing.Pool(processes=workers)  # LEAK
    results = pool.map(_propagate, modes)
    return results
