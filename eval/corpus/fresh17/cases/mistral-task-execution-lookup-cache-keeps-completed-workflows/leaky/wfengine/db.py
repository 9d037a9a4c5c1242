from typing import Any, Dict, List

COMPLETED_STATES = {"SUCCESS", "ERROR", "CANCELLED"}

_TASK_EXECUTIONS: Dict[str, List[Dict[str, Any]]] = {}


def add_task_execution(wf_ex_id: str, task_ex: Dict[str, Any]) -> None:
    _TASK_EXECUTIONS.setdefault(wf_ex_id, []).append(task_ex)


def get_task_executions(wf_ex_id: str, name: str) -> List[Dict[str, Any]]:
    return [t for t in _TASK_EXECUTIONS.get(wf_ex_id, []) if t["name"] == name]


def is_completed(state: str) -> bool:
    return state in COMPLETED_STATES
