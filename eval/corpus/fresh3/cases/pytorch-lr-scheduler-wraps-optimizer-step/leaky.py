from __future__ import annotations

from functools import wraps
from typing import Any, Callable, Dict, List


class Optimizer:
    def __init__(self, params: List[float], lr: float) -> None:
        self.param_groups: List[Dict[str, Any]] = [{"params": params, "lr": lr}]
        self.state: Dict[int, Any] = {}

    def step(self) -> None:
        for group in self.param_groups:
            group["params"] = [p - group["lr"] for p in group["params"]]


class LRScheduler:
    def __init__(self, optimizer: Optimizer, last_epoch: int = -1) -> None:
        self.optimizer = optimizer
        self.last_epoch = last_epoch

        def with_counter(method: Callable[..., Any]) -> Callable[..., Any]:
            if getattr(method, "_with_counter", False):
                return method

            @wraps(method)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                wrapper._step_count += 1  # type: ignore[attr-defined]
                return method(*args, **kwargs)  # LEAK

            wrapper._step_count = 0  # type: ignore[attr-defined]
            wrapper._with_counter = True  # type: ignore[attr-defined]
            return wrapper

        self.optimizer.step = with_counter(self.optimizer.step)  # LEAK
        self.step()

    def step(self) -> None:
        self.last_epoch += 1
        for group in self.optimizer.param_groups:
            group["lr"] *= 0.9
