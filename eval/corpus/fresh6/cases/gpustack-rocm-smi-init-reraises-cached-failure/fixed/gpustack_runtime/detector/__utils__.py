from __future__ import annotations


def clone_exception(exc: BaseException) -> BaseException:
    """A fresh copy of an exception, without its traceback or chaining state.

    Re-raising the same cached exception object appends frames to its __traceback__ on
    every raise, and those frames keep the callers' locals alive.
    """
    clone = BaseException.__new__(type(exc))
    clone.args = exc.args
    if hasattr(exc, "__dict__"):
        clone.__dict__.update(exc.__dict__)
    return clone
