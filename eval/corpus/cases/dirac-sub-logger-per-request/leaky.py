from __future__ import annotations

import logging


class JobStateHandler:
    def set_job_status(self, job_id: int, status: str) -> None:
        log = logging.getLogger(f"JobStateUpdate.job_{job_id}")  # LEAK
        log.info("status -> %s", status)
