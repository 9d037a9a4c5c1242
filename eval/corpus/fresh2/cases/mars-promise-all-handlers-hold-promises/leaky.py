from __future__ import annotations

from typing import Any, Callable, Iterable


class Promise:
    def __init__(self) -> None:
        self._accept_handler: Callable[[Any], None] | None = None
        self._done = False
        self._value: Any = None

    def then(self, on_accept: Callable[[Any], None]) -> "Promise":
        self._accept_handler = on_accept  # LEAK
        if self._done:
            on_accept(self._value)
        return self

    def step_next(self, value: Any) -> None:
        self._done = True
        self._value = value
        if self._accept_handler is not None:
            self._accept_handler(value)


def all_(promises: Iterable[Promise]) -> Promise:
    promises = list(promises)
    combined = Promise()
    results: list[Any] = [None] * len(promises)

    def _make_handler(index: int) -> Callable[[Any], None]:
        def _on_accept(value: Any) -> None:
            results[index] = value
            if all(p._done for p in promises):  # LEAK
                combined.step_next(results)

        return _on_accept

    for index, promise in enumerate(promises):
        promise.then(_make_handler(index))  # LEAK
    if not promises:
        combined.step_next([])
    return combined
