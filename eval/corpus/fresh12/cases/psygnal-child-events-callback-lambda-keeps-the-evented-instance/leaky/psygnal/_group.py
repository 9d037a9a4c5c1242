from typing import Any, Callable, Dict, List


class SignalRelay:
    def __init__(self, signals: Dict[str, Any], instance: Any = None) -> None:
        self._signals = dict(signals)
        self._slots: List[Callable] = []
        self._on_first_connect_callbacks: List[Callable[[], None]] = []

    def connect(self, slot: Callable) -> None:
        self._slots.append(slot)
        if len(self._slots) == 1:
            self._connect_relay()

    def _connect_relay(self) -> None:
        for callback in self._on_first_connect_callbacks:
            callback()


class SignalGroup:
    _psygnal_signals: Dict[str, Any] = {}

    def __init__(self, instance: Any = None) -> None:
        self._psygnal_relay = SignalRelay(self._psygnal_signals, instance)
