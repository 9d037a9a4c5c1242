from __future__ import annotations

import multiprocessing as mp
import random
import statistics
from typing import Callable, Sequence


class _BootstrapChunk:
    def __init__(self, metric: Callable[[Sequence[float]], float], size: int) -> None:
        self.metric = metric
        self.size = size

    def __call__(self, job: tuple[int, Sequence[float]]) -> list[float]:
        seed, values = job
        rng = random.Random(seed)
        return [self.metric(rng.choices(values, k=len(values))) for _ in range(self.size)]


def bootstrap_stderr(metric: Callable[[Sequence[float]], float], values: Sequence[float], iters: int) -> float:
    chunk = min(1000, iters)
    estimates: list[float] = []
    with mp.Pool(mp.cpu_count()) as pool:
        for part in pool.imap(_BootstrapChunk(metric, chunk), [(i, values) for i in range(iters // chunk)]):
            estimates.extend(part)
    return statistics.stdev(estimates)
