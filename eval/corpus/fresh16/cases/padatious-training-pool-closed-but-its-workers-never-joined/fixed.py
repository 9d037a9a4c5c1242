import multiprocessing as mp
from functools import partial
from multiprocessing.context import TimeoutError
from typing import Any, List


def _fit_and_store(model: Any, cache: str, corpus: Any, verbose: bool) -> None:
    model.train(corpus)
    if verbose:
        print("retrained " + model.name)
    model.save(cache)


class Trainer:
    def __init__(self, model_cls: Any, cache: str, corpus: Any) -> None:
        self.model_cls = model_cls
        self.cache = cache
        self.corpus = corpus
        self.ready: List[Any] = []
        self.pending: List[Any] = []

    def train(self, verbose: bool = True, timeout: float = 20) -> None:
        job = partial(_fit_and_store, cache=self.cache, corpus=self.corpus, verbose=verbose)
        workers = mp.Pool()
        try:
            workers.map_async(job, self.pending).get(timeout)
        except TimeoutError:
            if verbose:
                print("some models timed out while training")
        finally:
            workers.close()
            workers.join()
        for model in self.pending:
            try:
                self.ready.append(self.model_cls.from_file(model.name, self.cache))
            except IOError:
                if verbose:
                    print("took too long to train", model.name)
        self.pending = []
