import threading
from typing import Any, Callable, Optional
from weakref import WeakKeyDictionary


class ThrottledCallable:
    """Calls func at most once per timeout, with the last arguments given."""

    def __init__(self, func: Callable[..., Any], timeout: float) -> None:
        if isinstance(func, staticmethod):
            func = func.__func__
        self._func = func
        self.__wrapped__ = func
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
        throttler = ThrottledCallable(self._func.__get__(instance, owner), self._timeout)  # LEAK
        try:
            setattr(instance, self._name or "", throttler)  # LEAK
        except AttributeError:
            self._per_object[instance] = throttler  # LEAK
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
