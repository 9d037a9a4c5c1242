import json
import sys
import time
from typing import Any, Callable, Dict, List, Optional


class SessionLog:
    def __init__(self, session_id: str, options: Dict[str, Any], forward: Optional[Callable[[str], None]] = None) -> None:
        self._id = session_id
        self._opts = options
        self._forward = forward
        self.history: Dict[str, List[Dict[str, Any]]] = {"out": [], "err": []}

    def _record(self, entry: Dict[str, Any]) -> None:
        self.history[entry["pipe"]].append(entry)  # LEAK

    def _split(self, message: Any, pipe: str, level: int) -> List[Dict[str, Any]]:
        text = message if isinstance(message, str) else repr(message)
        return [
            {"level": level, "id": self._id, "time": round(time.time(), 2), "pipe": pipe, "text": line}
            for line in text.split("\n")
            if line.strip()
        ]

    def handle(self, entry: Dict[str, Any]) -> None:
        self._record(entry)
        if self._opts.get("echo_" + entry["pipe"], True):
            stream = sys.stdout if entry["pipe"] == "out" else sys.stderr
            stream.write(f"({entry['time']:.2f}/{entry['id']}) {entry['text']}\n")
        if self._forward is not None:
            self._forward(json.dumps(entry))
        if self._opts.get("log_file"):
            with open(f"{self._opts['log_file']}_{entry['pipe']}.txt", "a") as fh:
                fh.write(json.dumps(entry) + "\n")

    def receive(self, payload: str) -> None:
        self.handle(json.loads(payload))

    def out(self, *messages: Any, level: int = 1) -> None:
        if level <= self._opts.get("level", 0):
            for message in messages:
                for entry in self._split(message, "out", level):
                    self.handle(entry)

    def err(self, *messages: Any, level: int = 1) -> None:
        if level <= self._opts.get("level", 0):
            for message in messages:
                for entry in self._split(message, "err", level):
                    self.handle(entry)
