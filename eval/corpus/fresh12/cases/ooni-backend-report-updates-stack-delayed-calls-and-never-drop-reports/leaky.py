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


def stale_check(report_id: str) -> None:
    if (time.time() - reports[report_id]) > STALE_TIME:
        try:
            close_report(report_id)
        except ReportNotFound:
            pass


def close_report(report_id: str) -> None:
    archive_report(report_id)


class NewReportHandlerFile:
    def post(self, report_id: str, content: str) -> None:
        reports[report_id] = time.time()  # LEAK
        reactor.callLater(STALE_TIME, stale_check, report_id)
        with open(get_report_path(report_id), "w+") as fd:
            fd.write(content)

    def put(self, report_id: str, content: str) -> None:
        reports[report_id] = time.time()
        reactor.callLater(STALE_TIME, stale_check, report_id)  # LEAK
        with open(get_report_path(report_id), "a+") as fd:
            fd.write(content)


class CloseReportHandlerFile:
    def post(self, report_id: str) -> None:
        try:
            close_report(report_id)
        except ReportNotFound:
            pass
