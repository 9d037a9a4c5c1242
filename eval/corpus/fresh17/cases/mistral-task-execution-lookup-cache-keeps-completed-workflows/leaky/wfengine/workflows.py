from typing import Any, Dict

from . import db, lookup_utils


class Workflow:
    def __init__(self, wf_ex_id: str, name: str) -> None:
        self.wf_ex_id = wf_ex_id
        self.name = name
        self.state = "IDLE"
        self.env: Dict[str, Any] = {}

    def rerun(self, env: Dict[str, Any]) -> None:
        # cached lookups of completed tasks may now be stale
        lookup_utils.clean_caches()
        self.env.update(env)
        self.set_state("RUNNING")

    def set_state(self, state: str) -> None:
        self.state = state
        self.accepted = db.is_completed(state)
