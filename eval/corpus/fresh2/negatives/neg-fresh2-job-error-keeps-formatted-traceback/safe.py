from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass
from typing import Any, Callable

logger = logging.getLogger(__name__)


@dataclass
class JobResult:
    job_id: str
    ok: bool
    value: Any = None
    error: str = ""
    traceback: str = ""


def run_jobs(jobs: dict[str, Callable[[], Any]]) -> list[JobResult]:
    results = []
    for job_id, func in jobs.items():
        try:
            value = func()
        except Exception as exc:
            results.append(JobResult(job_id, False, error=repr(exc), traceback=traceback.format_exc()))
            logger.warning("job %s failed: %r", job_id, exc)
        else:
            results.append(JobResult(job_id, True, value=value))
    return results
