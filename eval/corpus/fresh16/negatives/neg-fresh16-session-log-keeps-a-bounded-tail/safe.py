import time
from collections import deque
from typing import Any, Deque, Dict, List


class SessionLog:
    def __init__(self, session_id: str, keep: int = 500) -> None:
        self.session_id = session_id
        self.recent: Dict[str, Deque[Dict[str, Any]]] = {
            "out": deque(maxlen=keep),
            "err": deque(maxlen=keep),
        }

    def handle(self, pipe: str, text: str) -> None:
        entry = {"id": self.session_id, "time": time.time(), "pipe": pipe, "text": text}
        self.recent[pipe].append(entry)

    def tail(self, pipe: str, count: int = 20) -> List[Dict[str, Any]]:
        return list(self.recent[pipe])[-count:]
