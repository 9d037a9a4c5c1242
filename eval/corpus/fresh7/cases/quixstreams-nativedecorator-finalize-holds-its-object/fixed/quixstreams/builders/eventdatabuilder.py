from __future__ import annotations

import ctypes

from ..helpers.nativedecorator import nativedecorator


class _NativeEventDataBuilder:
    """Thin wrapper over a pointer into the .NET runtime."""

    def __init__(self, net_pointer: ctypes.c_void_p) -> None:
        self._pointer = net_pointer

    def AddValue(self, event_id: str, value: str) -> ctypes.c_void_p:  # noqa: N802
        return self._pointer

    def dispose_ptr__(self) -> None:
        self._pointer = None


@nativedecorator
class EventDataBuilder:
    """Builder for creating event data packages for StreamEventsProducer."""

    def __init__(self, net_pointer: ctypes.c_void_p) -> None:
        if net_pointer is None:
            raise Exception("EventDataBuilder is none")
        self._interop = _NativeEventDataBuilder(net_pointer)
        self._entered = False

    def __enter__(self) -> None:
        self._entered = True

    def add_value(self, event_id: str, value: str) -> "EventDataBuilder":
        new = _NativeEventDataBuilder(self._interop.AddValue(event_id, value))
        if new._pointer != self._interop._pointer:
            self._interop.dispose_ptr__()
            self._interop = new
        return self
