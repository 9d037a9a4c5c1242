from __future__ import annotations

import weakref
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
            # keep a weak reference to the optimizer instance to prevent a cycle
            instance_ref = weakref.ref(method.__self__)  # type: ignore[attr-defined]
            # and the unbound function for the same purpose
            func = method.__func__  # type: ignore[attr-defined]
            cls = instance_ref().__class__
            del method

            @wraps(func)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                instance = instance_ref()
                wrapper._step_count += 1  # type: ignore[attr-defined]
                wrapped = func.__get__(instance, cls)
                return wrapped(*args, **kwargs)

            wrapper._step_count = 0  # type: ignore[attr-defined]
            wrapper._with_counter = True  # type: ignore[attr-defined]
            return wrapper

        self.optimizer.step = with_counter(self.optimizer.step)
        self.step()

    def step(self) -> None:
        self.last_epoch += 1
        for group in self.optimizer.param_groups:
            group["lr"] *= 0.9
