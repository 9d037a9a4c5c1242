import threading
from typing import List, Optional


class Editor:
    def __init__(self) -> None:
        self.lines: List[str] = []
        self._pending_text = ""
        self._timer: Optional[threading.Timer] = None

    def _offer_docstring(self) -> None:
        self.lines.append(self._pending_text.strip())

    def schedule_docstring(self, line_text: str) -> None:
        self._pending_text = line_text
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(0.3, self._offer_docstring)
        self._timer.daemon = True
        self._timer.start()

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
