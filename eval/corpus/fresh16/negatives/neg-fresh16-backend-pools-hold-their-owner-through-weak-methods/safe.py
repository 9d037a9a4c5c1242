import weakref
from typing import Any, Callable, List


class TaskPool:
    def __init__(self, process: Callable[..., Any], name: str) -> None:
        self.process = process
        self.name = name
        self.pending: List[Any] = []

    def run_once(self) -> Any:
        return self.process(self.pending.pop(0))


def weak_caller(method: Callable[..., Any]) -> Callable[..., Any]:
    ref = weakref.WeakMethod(method)

    def call(*args: Any) -> Any:
        target = ref()
        if target is None:
            raise ReferenceError("the backend is gone")
        return target(*args)

    return call


class Backend:
    def __init__(self, name: str) -> None:
        self.name = name
        self.forward_pool = TaskPool(weak_caller(self.forward), f"{name}_forward")
        self.backward_pool = TaskPool(weak_caller(self.backward), f"{name}_backward")

    def forward(self, x: float) -> float:
        return x * 2.0

    def backward(self, g: float) -> float:
        return g / 2.0
