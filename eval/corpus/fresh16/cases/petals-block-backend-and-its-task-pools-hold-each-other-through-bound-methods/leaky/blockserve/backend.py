from typing import Any, List, Sequence

from .pools import PriorityPool


class BlockBackend:
    def __init__(self, name: str, weights: List[float], max_batch: int = 8) -> None:
        self.name = name
        self.weights = weights
        self.step_pool = PriorityPool(self.step, max_batch, f"{name}_step")  # LEAK
        self.forward_pool = PriorityPool(self.forward, max_batch, f"{name}_forward")  # LEAK
        self.backward_pool = PriorityPool(self.backward, max_batch, f"{name}_backward")  # LEAK

    def step(self, cache_id: int, *inputs: float) -> List[float]:
        return [x * w for x, w in zip(inputs, self.weights)]

    def forward(self, *inputs: float) -> List[float]:
        return [x * w for x, w in zip(inputs, self.weights)]

    def backward(self, *grads: float) -> List[float]:
        return [g / w if w else 0.0 for g, w in zip(grads, self.weights)]

    def pools(self) -> Sequence[PriorityPool]:
        return self.forward_pool, self.backward_pool, self.step_pool
