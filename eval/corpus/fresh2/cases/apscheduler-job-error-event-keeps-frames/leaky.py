from __future__ import annotations

import logging
import sys
from datetime import datetime
from traceback import format_tb
from typing import Any

EVENT_JOB_EXECUTED = 1
EVENT_JOB_ERROR = 2


class JobExecutionEvent:
    def __init__(self, code: int, job_id: str, run_time: datetime, retval: Any = None,
                 exception: BaseException | None = None, traceback: str | None = None) -> None:
        self.code = code
        self.job_id = job_id
        self.run_time = run_time
        self.retval = retval
        self.exception = exception
        self.traceback = traceback


def run_job(job: Any, run_times: list[datetime], logger_name: str) -> list[JobExecutionEvent]:
    events = []
    logger = logging.getLogger(logger_name)
    for run_time in run_times:
        try:
            retval = job.func(*job.args, **job.kwargs)
        except BaseException:
            exc, tb = sys.exc_info()[1:]  # LEAK
            formatted_tb = "".join(format_tb(tb))
            events.append(JobExecutionEvent(EVENT_JOB_ERROR, job.id, run_time,
                                            exception=exc, traceback=formatted_tb))  # LEAK
            logger.exception('Job "%s" raised an exception', job)
        else:
            events.append(JobExecutionEvent(EVENT_JOB_EXECUTED, job.id, run_time, retval=retval))
    return events
