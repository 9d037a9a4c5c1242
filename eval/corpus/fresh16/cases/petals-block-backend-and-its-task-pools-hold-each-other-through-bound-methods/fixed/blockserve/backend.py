from typing import Any, List, Optional, Sequence

from .pools import PriorityPool


class BlockBackend:
    def __init__(self, name: str, weights: List[float], max_batch: int = 8) -> None:
        self.name = name
        self.weights = weights
        self.step_pool: Optional[PriorityPool] = PriorityPool(self.step, max_batch, f"{name}_step")
        self.forward_pool: Optional[PriorityPool] = PriorityPool(self.forward, max_batch, f"{name}_forward")
        self.backward_pool: Optional[PriorityPool] = PriorityPool(self.backward, max_batch, f"{name}_backward")

    def step(self, cache_id: int, *inputs: float) -> List[float]:
        return [x * w for x, w in zip(inputs, self.weights)]

    def forward(self, *inputs: float) -> List[float]:
        return [x * w for x, w in zip(inputs, self.weights)]

    def backward(self, *grads: float) -> List[float]:
        return [g / w if w else 0.0 for g, w in zip(grads, self.weights)]

    def pools(self) -> Sequence[Optional[PriorityPool]]:
        return self.forward_pool, self.backward_pool, self.step_pool

    def shutdown(self) -> None:
        # the pools hold our bound methods: drop them so the backend dies by refcount
        self.step_pool = self.forward_pool = self.backward_pool = None
        self.weights = []
