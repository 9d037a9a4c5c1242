from __future__ import annotations

from typing import Any, Dict, List


class SessionTracker:
    def __init__(self) -> None:
        self._open: Dict[str, Dict[str, Any]] = {}
        self.finished: List[Dict[str, Any]] = []

    def on_connect(self, session: str, peer: str) -> None:
        self._open[session] = {"peer": peer, "commands": []}

    def on_command(self, session: str, command: str) -> None:
        state = self._open.get(session)
        if state is not None:
            state["commands"].append(command)

    def on_close(self, session: str) -> None:
        state = self._open.pop(session, None)
        if state is not None:
            self.finished.append({"session": session, "count": len(state["commands"])})
            if len(self.finished) > 100:
                del self.finished[:50]
