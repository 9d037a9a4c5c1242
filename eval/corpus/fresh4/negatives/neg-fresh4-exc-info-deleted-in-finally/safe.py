from __future__ import annotations

import logging
import sys

log = logging.getLogger(__name__)


def run_job(job) -> bool:
    try:
        job.run()
        return True
    except Exception:
        exc_type, exc_value, exc_tb = sys.exc_info()
        try:
            while exc_tb.tb_next is not None:
                exc_tb = exc_tb.tb_next
            where = "%s:%d" % (exc_tb.tb_frame.f_code.co_filename, exc_tb.tb_lineno)
            log.error("job %s failed at %s: %r", job.name, where, exc_value)
        finally:
            del exc_type, exc_value, exc_tb
        return False
