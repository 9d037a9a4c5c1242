from __future__ import annotations

from typing import Any, Generator, Generic, NoReturn, TypeVar

ValueT = TypeVar("ValueT")


class AlreadyUsedError(RuntimeError):
    pass


class Outcome(Generic[ValueT]):
    def __init__(self) -> None:
        self._unwrapped = False

    def _set_unwrapped(self) -> None:
        if self._unwrapped:
            raise AlreadyUsedError
        self._unwrapped = True


class Value(Outcome[ValueT]):
    def __init__(self, value: ValueT) -> None:
        super().__init__()
        self.value = value

    def unwrap(self) -> ValueT:
        self._set_unwrapped()
        return self.value


class Error(Outcome[NoReturn]):
    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error  # LEAK

    def unwrap(self) -> NoReturn:
        self._set_unwrapped()
        raise self.error  # LEAK

    def send(self, gen: Generator[Any, Any, Any]) -> Any:
        self._set_unwrapped()
        return gen.throw(self.error)


def capture(fn: Any, *args: Any) -> Outcome[Any]:
    try:
        return Value(fn(*args))
    except BaseException as exc:
        return Error(exc)
