from __future__ import annotations

import multiprocessing


def _propagate(mode: int) -> float:
    return float(mode) ** 0.5


def compute_jacobian(modes: list, workers: int = 4) -> list:
    pool = multiprocessing.Pool(processes=workers)
    try:
        results = pool.map(_propagate, modes)
    finally:
        pool.close()
        pool.join()
    return results
