from multiprocessing import Pool
from typing import Callable, List, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def parallel_map(func: Callable[[T], R], items: Sequence[T], processes: int = 4) -> List[R]:
    if len(items) < 2:
        return [func(item) for item in items]
    with Pool(processes) as pool:
        results = pool.map(func, items)
    return results
