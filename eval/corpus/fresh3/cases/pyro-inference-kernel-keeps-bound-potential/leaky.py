from __future__ import annotations

from typing import Callable, Dict


class HMCKernel:
    def __init__(self, potential_fn: Callable[[Dict[str, float]], float], step_size: float = 0.1) -> None:
        self.potential_fn = potential_fn  # LEAK
        self.step_size = step_size

    def sample(self, params: Dict[str, float]) -> Dict[str, float]:
        energy = self.potential_fn(params)
        return {name: value - self.step_size * energy for name, value in params.items()}


class BigInferenceAlgorithm:
    def __init__(self, data: list[float]) -> None:
        self.data = data
        self.kernel = HMCKernel(potential_fn=self.potential_fn)  # LEAK

    def potential_fn(self, params: Dict[str, float]) -> float:
        # depends on state held by self, so it cannot be a staticmethod
        return sum((x - params["loc"]) ** 2 for x in self.data)

    def run(self, steps: int) -> Dict[str, float]:
        params = {"loc": 0.0}
        for _ in range(steps):
            params = self.kernel.sample(params)
        return params
