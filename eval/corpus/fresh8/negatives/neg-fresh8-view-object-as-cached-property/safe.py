from __future__ import annotations

from functools import cached_property


class ReportView:
    def __init__(self, request, repository) -> None:
        self.request = request
        self.repository = repository

    @cached_property
    def report(self):
        return self.repository.load(self.request.args["report_id"])

    def render(self) -> str:
        return f"<h1>{self.report.title}</h1>"
