from __future__ import annotations

import signal


def run_interruptibly(job):
    def interrupt(_signum, _frame):
        job.cancel("interrupted by the user")

    previous = signal.getsignal(signal.SIGINT)
    signal.signal(signal.SIGINT, interrupt)
    try:
        return job.run()
    finally:
        signal.signal(signal.SIGINT, previous)
