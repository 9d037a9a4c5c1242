from typing import Callable, Generic, List, TypeVar

T = TypeVar("T")


class Awaitable(Generic[T]):
    def __init__(self) -> None:
        self.callbacks: List[Callable[[T], T]] = []

    def _wait_impl(self) -> T:
        raise NotImplementedError

    def wait(self) -> T:
        result = self._wait_impl()
        for callback in self.callbacks:
            result = callback(result)
        return result
