from __future__ import annotations

from typing import Any, Callable, Optional

from .defer import Deferred


def deferLater(clock, delay: float, callable: Optional[Callable[..., Any]] = None, *args: object,
               **kw: object) -> Deferred:
    """Call the function after delay seconds; the Deferred fires with its result."""

    def deferLaterCancel(deferred: Deferred) -> None:
        delayedCall.cancel()

    def cb(result: object):
        if callable is None:
            return None
        return callable(*args, **kw)

    d = Deferred(deferLaterCancel)  # LEAK
    d.addCallback(cb)
    delayedCall = clock.callLater(delay, d.callback, None)
    return d
