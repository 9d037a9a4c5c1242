import threading
from typing import Dict, Optional


class Threaded:
    def __init__(self) -> None:
        self._quit = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._quit.wait, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._quit.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None


class Discovery(Threaded):
    def __init__(self) -> None:
        super().__init__()
        self.services: Dict[str, str] = {}

    def stop(self) -> None:
        self.services.clear()
        super().stop()
