import threading
from typing import Any, Dict, List

import cachetools

from . import db

_TASK_EXECUTIONS_CACHE_LOCK = threading.RLock()
_TASK_EXECUTIONS_CACHE: "cachetools.LRUCache[Any, List[Dict[str, Any]]]" = cachetools.LRUCache(maxsize=20000)


def find_task_executions_by_name(wf_ex_id: str, task_name: str) -> List[Dict[str, Any]]:
    cache_key = (wf_ex_id, task_name)
    with _TASK_EXECUTIONS_CACHE_LOCK:
        t_execs = _TASK_EXECUTIONS_CACHE.get(cache_key)
    if t_execs:
        return t_execs
    t_execs = db.get_task_executions(wf_ex_id, task_name)
    if t_execs and all(db.is_completed(t["state"]) for t in t_execs):
        with _TASK_EXECUTIONS_CACHE_LOCK:
            _TASK_EXECUTIONS_CACHE[cache_key] = t_execs  # LEAK
    return t_execs


def clean_caches() -> None:
    with _TASK_EXECUTIONS_CACHE_LOCK:
        _TASK_EXECUTIONS_CACHE.clear()
