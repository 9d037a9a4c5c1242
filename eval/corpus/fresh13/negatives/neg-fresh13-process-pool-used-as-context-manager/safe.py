import multiprocessing
from typing import Any, Callable, Iterable, List


def map_parallel(function: Callable[[Any], Any], args: Iterable[Any], n_jobs: int) -> List[Any]:
    if n_jobs in (0, 1):
        return list(map(function, args))
    pool = multiprocessing.Pool(processes=n_jobs)
    try:
        return pool.map(function, args)
    finally:
        pool.close()
        pool.join()
