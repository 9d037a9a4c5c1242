from __future__ import annotations

import logging

log = logging.getLogger("JobStateUpdate")


class JobStateHandler:
    def set_job_status(self, job_id: int, status: str) -> None:
        log.info("job %s status -> %s", job_id, status)
