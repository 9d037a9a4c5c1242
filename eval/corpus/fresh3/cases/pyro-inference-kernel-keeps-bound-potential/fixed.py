from __future__ import annotations

import functools
import weakref
from typing import Any, Callable, Dict


def weakmethod(fn: Callable[..., Any]) -> property:
    """Enforce weak binding of a method, so passing the bound method to an owned object makes no cycle."""

    def weak_fn(weakself: Any, *args: Any, **kwargs: Any) -> Any:
        self = weakself()
        if self is None:
            raise AttributeError("self was garbage collected when calling self.{}".format(fn.__name__))
        return fn(self, *args, **kwargs)

    @property  # type: ignore[misc]
    def weak_binder(self: Any) -> Callable[..., Any]:
        weakself = weakref.ref(self)
        return functools.partial(weak_fn, weakself)

    return weak_binder  # type: ignore[return-value]


class HMCKernel:
    def __init__(self, potential_fn: Callable[[Dict[str, float]], float], step_size: float = 0.1) -> None:
        self.potential_fn = potential_fn
        self.step_size = step_size

    def sample(self, params: Dict[str, float]) -> Dict[str, float]:
        energy = self.potential_fn(params)
        return {name: value - self.step_size * energy for name, value in params.items()}


class BigInferenceAlgorithm:
    def __init__(self, data: list[float]) -> None:
        self.data = data
        self.kernel = HMCKernel(potential_fn=self.potential_fn)

    @weakmethod
    def potential_fn(self, params: Dict[str, float]) -> float:
        # depends on state held by self, so it cannot be a staticmethod
        return sum((x - params["loc"]) ** 2 for x in self.data)

    def run(self, steps: int) -> Dict[str, float]:
        params = {"loc": 0.0}
        for _ in range(steps):
            params = self.kernel.sample(params)
        return params
