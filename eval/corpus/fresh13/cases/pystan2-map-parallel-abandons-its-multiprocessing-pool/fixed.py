import multiprocessing
import multiprocessing.pool
import warnings
from typing import Any, Callable, Iterable, List


def _locking_available() -> bool:
    try:
        sem = multiprocessing.Semaphore()
        del sem
    except (ImportError, OSError) as e:
        warnings.warn("%s. _map_parallel will operate in serial mode" % (e,))
        return False
    return True


def _map_parallel(function: Callable[[Any], Any], args: Iterable[Any], n_jobs: int) -> List[Any]:
    if _locking_available() and int(n_jobs) not in (0, 1):
        if n_jobs == -1:
            n_jobs = None
        pool = multiprocessing.Pool(processes=n_jobs)
        map_result = pool.map(function, args)
        pool.close()
        pool.join()
    else:
        map_result = list(map(function, args))
    return map_result


class StanModel:
    def __init__(self, model_name: str) -> None:
        self.model_name = model_name

    def _run_chain(self, chain_id: int) -> dict:
        return {"chain_id": chain_id, "model": self.model_name}

    def sampling(self, chains: int = 4, n_jobs: int = -1) -> List[dict]:
        return _map_parallel(self._run_chain, range(chains), n_jobs)
