"""Tiny signal helpers: the listeners live in the emitting object's own __dict__."""

from __future__ import annotations


def listen(obj, name, func):
    """Call func() whenever obj fires the signal name."""
    signals = vars(obj).setdefault("_signals", {})
    signals.setdefault(name, []).append(func)


def fire(obj, name, *args, **kwargs):
    signals = vars(obj).get("_signals", {})
    return [func(*args, **kwargs) for func in signals.get(name, ())]
