from __future__ import annotations

import functools
import weakref
from typing import Any


class Module:
    def __init__(self, weights: list[float]) -> None:
        self.weights = weights

    def forward(self, *inputs: float) -> list[float]:
        return [w * x for w, x in zip(self.weights, inputs)]


def _recompute_forward(module_ref: "weakref.ReferenceType[Module]", offload: bool, *args: Any) -> Any:
    module = module_ref()
    assert module is not None, "the module was collected while its forward ran"
    # call the class's forward on the instance: no bound method is kept anywhere
    result = type(module).forward(module, *args)
    return list(result) if offload else result


def checkpoint_wrapper(module: Module, offload_to_cpu: bool = False) -> Module:
    """Wrap a module so that its activations are recomputed instead of stored."""
    # a weak reference here avoids the cycle module -> module.forward -> module
    module.forward = functools.partial(_recompute_forward, weakref.ref(module), offload_to_cpu)
    return module


def build(layers: int) -> list[Module]:
    return [checkpoint_wrapper(Module([1.0] * 1024)) for _ in range(layers)]
