from typing import Any, Callable, List


class Signal:
    """Calls every subscriber on emit; subscribers are held until unsubscribed."""

    def __init__(self) -> None:
        self._subscribers: List[Callable[..., Any]] = []

    def subscribe(self, callback: Callable[..., Any]) -> None:
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[..., Any]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def emit(self, *args: Any) -> None:
        for callback in list(self._subscribers):
            callback(*args)


class Signals:
    NAMES = ("conv_message", "conv_contact_joined", "conv_contact_left", "conv_group_started",
             "conv_group_ended", "conv_message_send_failed", "contact_attr_changed")

    def __init__(self) -> None:
        for name in self.NAMES:
            setattr(self, name, Signal())


class Session:
    """Lives as long as the user is logged in; windows come and go."""

    def __init__(self) -> None:
        self.signals = Signals()
