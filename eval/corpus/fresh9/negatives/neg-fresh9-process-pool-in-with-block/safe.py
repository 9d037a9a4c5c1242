from __future__ import annotations

import itertools
import multiprocessing


def optimise(run_one, grids, maxcpus=None) -> list:
    results = []
    with multiprocessing.Pool(maxcpus) as pool:
        for result in pool.imap(run_one, itertools.product(*grids)):
            results.append(result)
        pool.close()
        pool.join()
    return results
