from __future__ import annotations

from typing import Any, Dict, List


class Output:
    def __init__(self, batch_size: int = 100) -> None:
        self.batch_size = batch_size
        self.batch: List[Dict[str, Any]] = []
        self.session_state: Dict[str, Dict[str, Any]] = {}

    def _state(self, session: str) -> Dict[str, Any]:
        if session not in self.session_state:
            self.session_state[session] = {"logins": [], "commands": []}
        return self.session_state[session]

    def write(self, entry: Dict[str, Any]) -> None:
        session = entry["session"]
        event = entry["eventid"]
        if event == "cowrie.session.closed":
            state = self.session_state.pop(session, {"logins": [], "commands": []})
            self.batch.append({"session": session, **state})
            if len(self.batch) >= self.batch_size:
                self.submit_entries(self.batch)
                self.batch = []
            return
        state = self._state(session)
        if event.startswith("cowrie.login"):
            state["logins"].append((entry.get("username"), entry.get("password")))
        elif event == "cowrie.command.input":
            state["commands"].append(entry.get("input"))

    def submit_entries(self, batch: List[Dict[str, Any]]) -> None:
        pass
