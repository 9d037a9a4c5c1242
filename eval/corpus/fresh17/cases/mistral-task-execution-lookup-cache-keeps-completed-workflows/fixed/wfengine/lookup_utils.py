import threading
from typing import Any, Dict, List

import cachetools

from . import db


def _create_lru_cache_for_workflow_execution(wf_ex_id: str) -> "cachetools.LRUCache[str, Any]":
    return cachetools.LRUCache(maxsize=500)


# first level: workflow execution id -> second level: task name -> task executions
_TASK_EX_CACHE: "cachetools.LRUCache[str, Any]" = cachetools.LRUCache(maxsize=100)
_CACHE_LOCK = threading.RLock()


def _cache_for(wf_ex_id: str) -> "cachetools.LRUCache[str, Any]":
    cache = _TASK_EX_CACHE.get(wf_ex_id)
    if cache is None:
        cache = _create_lru_cache_for_workflow_execution(wf_ex_id)
        _TASK_EX_CACHE[wf_ex_id] = cache
    return cache


def find_task_executions_by_name(wf_ex_id: str, task_name: str) -> List[Dict[str, Any]]:
    with _CACHE_LOCK:
        t_execs = _cache_for(wf_ex_id).get(task_name)
    if t_execs:
        return t_execs
    t_execs = db.get_task_executions(wf_ex_id, task_name)
    if t_execs and all(db.is_completed(t["state"]) for t in t_execs):
        with _CACHE_LOCK:
            _cache_for(wf_ex_id)[task_name] = t_execs
    return t_execs


def invalidate_cached_task_executions(wf_ex_id: str) -> None:
    with _CACHE_LOCK:
        if wf_ex_id in _TASK_EX_CACHE:
            del _TASK_EX_CACHE[wf_ex_id]


def clear_caches() -> None:
    with _CACHE_LOCK:
        _TASK_EX_CACHE.clear()
