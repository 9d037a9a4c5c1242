from __future__ import annotations

from typing import Any, Dict, Optional


class WebSocket:
    """The upgraded connection; keeps the WSGI environ it was created from."""

    def __init__(self, environ: Dict[str, Any], stream) -> None:
        self.environ = environ
        self.stream = stream
        self.closed = False

    def receive(self) -> Optional[str]:
        line = self.stream.readline()
        return line.decode("utf-8").rstrip("\n") if line else None

    def send(self, message: str) -> None:
        self.stream.write(message.encode("utf-8") + b"\n")

    def close(self) -> None:
        self.closed = True
