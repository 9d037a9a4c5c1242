import time
from typing import Any, Callable, Tuple


class CFTimerHandle:
    """A timed callback; the loop retains it until the native timer fires."""

    def _cf_timer_callback(self, callback: Callable[..., Any], args: Tuple[Any, ...]) -> Callable[[Any, Any], None]:
        def cf_timer_callback(cftimer: Any, extra: Any) -> None:
            callback(*args)

        return cf_timer_callback

    def __init__(self, *, loop: Any, timeout: float, callback: Callable[..., Any], args: Tuple[Any, ...]) -> None:
        self._loop = loop
        self._when = time.monotonic() + timeout
        self._callback = self._cf_timer_callback(callback, args)
        self._cancelled = False
        # retain the handle while the native timer may still call it
        self._loop._timers.add(self)  # LEAK
        self._timer = loop.native_add_timer(self._when, self._callback)

    def cancel(self) -> None:
        self._cancelled = True
        self._loop.native_remove_timer(self._timer)
        self._loop._timers.discard(self)
