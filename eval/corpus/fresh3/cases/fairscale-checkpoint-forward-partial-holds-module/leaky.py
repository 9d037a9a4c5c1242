from __future__ import annotations

import functools
from typing import Any, Callable


class Module:
    def __init__(self, weights: list[float]) -> None:
        self.weights = weights

    def forward(self, *inputs: float) -> list[float]:
        return [w * x for w, x in zip(self.weights, inputs)]


def _recompute_forward(original_forward: Callable[..., Any], offload: bool, *args: Any) -> Any:
    # the real wrapper drops activations and recomputes them in backward
    result = original_forward(*args)
    return list(result) if offload else result


def checkpoint_wrapper(module: Module, offload_to_cpu: bool = False) -> Module:
    """Wrap a module so that its activations are recomputed instead of stored."""
    module.forward = functools.partial(_recompute_forward, module.forward, offload_to_cpu)  # LEAK
    return module


def build(layers: int) -> list[Module]:
    return [checkpoint_wrapper(Module([1.0] * 1024)) for _ in range(layers)]
