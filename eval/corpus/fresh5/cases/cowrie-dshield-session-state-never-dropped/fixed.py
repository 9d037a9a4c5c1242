from __future__ import annotations

from typing import Any, Dict, List


class Output:
    def __init__(self, batch_size: int = 100) -> None:
        self.batch_size = batch_size
        self.batch: List[Dict[str, Any]] = []
        self.session_state: Dict[str, Dict[str, str]] = {}

    def _state(self, session: str) -> Dict[str, str]:
        state = self.session_state.get(session)
        if state is None:
            state = {"lastcommand": "", "hassh": "", "banner": "", "username": "", "password": ""}
            self.session_state[session] = state
        return state

    def write(self, event: Dict[str, Any]) -> None:
        eventid = event["eventid"]
        session = event.get("session", "")
        state = self._state(session)
        if eventid == "cowrie.session.closed":
            self.batch.append({
                "timestamp": event["time"],
                "source_ip": event["src_ip"],
                "user": state["username"],
                "password": state["password"],
                "lastcommand": state["lastcommand"],
            })
            # the state has been consumed into the batch entry and the session is over
            self.session_state.pop(session, None)

            if len(self.batch) >= self.batch_size:
                batch_to_send = self.batch
                self.submit_entries(batch_to_send)
                self.batch = []
        elif eventid in ("cowrie.login.success", "cowrie.login.failed"):
            self._state(session)["username"] = event.get("username", "")
            self._state(session)["password"] = event.get("password", "")
        elif eventid == "cowrie.command.input":
            self._state(session)["lastcommand"] = event["input"]

    def submit_entries(self, batch: List[Dict[str, Any]]) -> None:
        pass
