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
        lookup_utils.clear_caches()
        self.env.update(env)
        self.set_state("RUNNING")

    def set_state(self, state: str) -> None:
        self.state = state
        self.accepted = db.is_completed(state)
        if db.is_completed(state):
            # the task executions of a finished workflow need not stay cached
            lookup_utils.invalidate_cached_task_executions(self.wf_ex_id)
