from typing import Any, Callable, List


class Notifier:
    def __init__(self) -> None:
        self.callbacks: List[Callable[[Any], None]] = []
        self.close_callbacks: List[Callable[[int], None]] = []

    def register(self, callback: Callable[[Any], None], on_close: Callable[[int], None]) -> None:
        self.callbacks.append(callback)
        self.close_callbacks.append(on_close)

    def unregister(self, callback: Callable[[Any], None], on_close: Callable[[int], None]) -> None:
        if callback in self.callbacks:
            self.callbacks.remove(callback)
        if on_close in self.close_callbacks:
            self.close_callbacks.remove(on_close)


notifier = Notifier()


class NotifyWidget:
    def __init__(self) -> None:
        self.text = ""

    def configure(self) -> None:
        notifier.register(self.update, self.on_close)

    def update(self, notification: Any) -> None:
        self.text = str(notification)

    def on_close(self, nid: int) -> None:
        self.text = ""

    def finalize(self) -> None:
        notifier.unregister(self.update, self.on_close)
