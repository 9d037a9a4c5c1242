from __future__ import annotations


class Evaluator:
    def fcn(self) -> None:
        pass


class Solver:
    def __init__(self, x0) -> None:
        self.x0 = x0
        self.evaluator = Evaluator()
        self._fcn = lambda: self.evaluator.fcn()  # LEAK


def solve(x0):
    solver = Solver(x0)
    solver._fcn()
    return x0
