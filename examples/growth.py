"""Containers and caches that only grow in a long-running process."""

import functools

_seen_requests = []


def handle(request):
    _seen_requests.append(request)
    return request.body


class Report:
    def __init__(self, rows):
        self.rows = rows

    @functools.lru_cache(maxsize=None)
    def total(self, column):
        return sum(row[column] for row in self.rows)
