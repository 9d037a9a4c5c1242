import os
import time

from twisted.internet import reactor

STALE_TIME = 3600
REPORT_DIR = "/var/lib/oonib/reports"
ARCHIVE_DIR = "/var/lib/oonib/archive"
reports = {}


class ReportNotFound(Exception):
    pass


def get_report_path(report_id: str) -> str:
    return os.path.join(REPORT_DIR, report_id)


def archive_report(report_id: str) -> None:
    report_filename = get_report_path(report_id)
    if not os.path.exists(report_filename):
        raise ReportNotFound
    os.rename(report_filename, os.path.join(ARCHIVE_DIR, report_id + ".yamloo"))


class Report(object):
    def __init__(self, report_id: str) -> None:
        self.report_id = report_id
        self.delayed_call = None
        self.refresh()

    def refresh(self) -> None:
        self.last_updated = time.time()
        if self.delayed_call:
            self.delayed_call.cancel()
        self.delayed_call = reactor.callLater(STALE_TIME, self.stale_check)

    def stale_check(self) -> None:
        if (time.time() - self.last_updated) > STALE_TIME:
            try:
                self.close()
            except ReportNotFound:
                pass

    def close(self) -> None:
        archive_report(self.report_id)
        del reports[self.report_id]


class NewReportHandlerFile:
    def post(self, report_id: str, content: str) -> None:
        reports[report_id] = Report(report_id)
        with open(get_report_path(report_id), "w+") as fd:
            fd.write(content)

    def put(self, report_id: str, content: str) -> None:
        reports[report_id].refresh()
        with open(get_report_path(report_id), "a+") as fd:
            fd.write(content)


class CloseReportHandlerFile:
    def post(self, report_id: str) -> None:
        try:
            reports[report_id].close()
        except (KeyError, ReportNotFound):
            pass
