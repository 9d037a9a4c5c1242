from __future__ import annotations

import itertools
import multiprocessing
from typing import Any, Callable, List


class Cerebro:
    def __init__(self, maxcpus: int = 0, optdatas: bool = True) -> None:
        self.maxcpus = maxcpus
        self.optdatas = optdatas
        self.datas: List[Any] = []
        self.strats: List[List[Any]] = []
        self.optcbs: List[Callable[[Any], None]] = []
        self.runstrats: List[Any] = []
        self._dooptimize = False

    def __call__(self, iterstrat: Any) -> Any:
        return self.runstrategies(iterstrat)

    def runstrategies(self, iterstrat: Any) -> Any:
        return [strategy() for strategy in iterstrat]

    def run(self) -> Any:
        self.runstrats = []
        iterstrats = itertools.product(*self.strats)
        if not self._dooptimize or self.maxcpus == 1:
            for iterstrat in iterstrats:
                self.runstrats.append(self.runstrategies(iterstrat))
        else:
            if self.optdatas:
                for data in self.datas:
                    data.reset()
                    data.preload()

            pool = multiprocessing.Pool(self.maxcpus or None)  # LEAK
            for r in pool.imap(self, iterstrats):
                self.runstrats.append(r)
                for cb in self.optcbs:
                    cb(r)

            if self.optdatas:
                for data in self.datas:
                    data.stop()

        if not self._dooptimize:
            return self.runstrats[0]
        return self.runstrats
