import threading
import warnings
from types import MethodType
from typing import Any, Callable, Optional
from weakref import WeakKeyDictionary, WeakMethod


def _weak_func(func: Callable[..., Any]) -> Callable[..., Any]:
    """A bound method is held weakly, so the wrapper never keeps its object alive."""
    if isinstance(func, MethodType):
        weak_method = WeakMethod(func)

        def weak_func(*args: Any) -> Any:
            method = weak_method()
            if method is not None:
                return method(*args)
            warnings.warn("method has been garbage collected", RuntimeWarning, stacklevel=2)
            return None

        return weak_func
    return func


class ThrottledCallable:
    """Calls func at most once per timeout, with the last arguments given."""

    def __init__(self, func: Callable[..., Any], timeout: float) -> None:
        if isinstance(func, staticmethod):
            func = func.__func__
        self._func = _weak_func(func)
        self.__wrapped__ = self._func
        self._timeout = timeout
        self._timer: Optional[threading.Timer] = None
        self._args: tuple = ()
        self._name: Optional[str] = None
        self._per_object: "WeakKeyDictionary[Any, ThrottledCallable]" = WeakKeyDictionary()

    def __call__(self, *args: Any) -> None:
        self._args = args
        if self._timer is None:
            self._timer = threading.Timer(self._timeout, self._fire)
            self._timer.start()

    def _fire(self) -> None:
        self._timer = None
        self._func(*self._args)

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _throttler_for(self, instance: Any, owner: type) -> "ThrottledCallable":
        throttler = ThrottledCallable(self._func.__get__(instance, owner), self._timeout)
        try:
            setattr(instance, self._name or "", throttler)
        except AttributeError:
            self._per_object[instance] = throttler
        return throttler

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None or not self._name:
            return self
        if instance in self._per_object:
            return self._per_object[instance]
        return self._throttler_for(instance, owner)


def qdebounced(timeout: float) -> Callable[[Callable[..., Any]], ThrottledCallable]:
    def deco(func: Callable[..., Any]) -> ThrottledCallable:
        return ThrottledCallable(func, timeout)

    return deco
