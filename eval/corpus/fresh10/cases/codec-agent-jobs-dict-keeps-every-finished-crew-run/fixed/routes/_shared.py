"""Shared state and helpers for the dashboard routes."""
import logging
import threading
from datetime import datetime

log = logging.getLogger("codec_dashboard")

_research_jobs: dict = {}
_agent_jobs: dict = {}
_agent_jobs_lock = threading.Lock()  # guards structural add/del of _agent_jobs
_AGENT_JOB_TTL_SECONDS = 86400       # evict terminal jobs older than 24h
_AGENTS_DIR = "~/.codec/agents"


def _evict_stale_agent_jobs(now=None, ttl_seconds: int = _AGENT_JOB_TTL_SECONDS) -> int:
    """Drop terminal (non-running) crew jobs older than ttl_seconds; never raises."""
    now = now if now is not None else datetime.now()
    removed = 0
    try:
        with _agent_jobs_lock:
            for jid, job in list(_agent_jobs.items()):
                if not isinstance(job, dict) or job.get("status") == "running":
                    continue
                try:
                    age = (now - datetime.fromisoformat(job.get("started", ""))).total_seconds()
                except (ValueError, TypeError):
                    continue  # unparseable timestamp: keep
                if age > ttl_seconds:
                    _agent_jobs.pop(jid, None)
                    removed += 1
    except Exception as e:
        log.warning("agent-job eviction failed: %s", e)
    return removed
