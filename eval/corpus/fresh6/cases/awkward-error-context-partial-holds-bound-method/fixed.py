from __future__ import annotations

import sys
import threading


class PartialFunction:
    """Analogue of functools.partial, as a distinct type."""

    __slots__ = ("func", "args", "kwargs")

    def __init__(self, func, *args, **kwargs) -> None:
        self.func = func
        self.args = args
        self.kwargs = kwargs

    def __call__(self):
        return self.func(*self.args, **self.kwargs)


class ErrorContext:
    # any other thread gets a completely independent slate
    _slate = threading.local()

    @classmethod
    def primary(cls):
        return cls._slate.__dict__.get("__primary_context__")

    def __init__(self, **kwargs) -> None:
        self._kwargs = kwargs

    def __enter__(self):
        if self.primary() is None:
            self._slate.__dict__.clear()
            self._slate.__dict__.update(self._kwargs)
            self._slate.__dict__["__primary_context__"] = self

    def __exit__(self, exception_type, exception_value, traceback):
        try:
            if exception_type is not None and self.primary() is self:
                self.handle_exception(exception_type, exception_value)
        finally:
            # _kwargs may hold cyclic references, which keep large buffers in memory
            # longer than necessary: clear it now
            self._kwargs.clear()

            # step out of the way so that another ErrorContext can become primary
            if self.primary() is self:
                self._slate.__dict__.clear()

    def handle_exception(self, cls, exception) -> None:
        if sys.version_info >= (3, 11):
            exception.add_note(self.note)
        else:
            raise cls(str(exception) + "\n\n" + self.note) from exception

    @property
    def note(self) -> str:
        arguments = self._kwargs.get("arguments")
        if isinstance(arguments, PartialFunction):
            arguments = arguments()
        return "This error occurred while calling %s(%s)" % (self._kwargs.get("name"), arguments)


class OperationErrorContext(ErrorContext):
    _width = 80 - 8

    def __init__(self, name: str, arguments: dict) -> None:
        # delay the string generation: keep the arguments and the method that formats them
        string_arguments = PartialFunction(self._string_arguments, arguments)
        super().__init__(name=name, arguments=string_arguments)

    def _string_arguments(self, arguments: dict) -> dict:
        return {key: repr(value)[: self._width] for key, value in arguments.items()}


def concatenate(arrays, axis: int = 0):
    with OperationErrorContext("ak.concatenate", {"arrays": arrays, "axis": axis}):
        return [item for array in arrays for item in array]
