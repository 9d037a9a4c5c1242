from __future__ import annotations

import functools
import weakref
from typing import Any, Callable


class Module:
    def __init__(self, weights: list[float]) -> None:
        self.weights = weights

    def forward(self, *inputs: float) -> list[float]:
        return [w * x for w, x in zip(self.weights, inputs)]


def _recompute_forward(original_forward: Callable[..., Any], weak_self: Any, offload: bool, *args: Any) -> Any:
    # the unbound forward is called on the module fetched through the weak reference
    args = (weak_self(),) + args
    result = original_forward(*args)
    return list(result) if offload else result


def checkpoint_wrapper(module: Module, offload_to_cpu: bool = False) -> Module:
    """Wrap a module so that its activations are recomputed instead of stored."""
    # a weak reference avoids the cycle module -> module.forward -> module
    module.forward = functools.partial(_recompute_forward, type(module).forward, weakref.ref(module), offload_to_cpu)
    return module


def build(layers: int) -> list[Module]:
    return [checkpoint_wrapper(Module([1.0] * 1024)) for _ in range(layers)]
