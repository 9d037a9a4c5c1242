from __future__ import annotations

import sqlite3
import sys


class CacheStorage:
    def __init__(self, filename: str) -> None:
        self.db = sqlite3.connect(filename)  # LEAK

    def gc(self, known_guids: list[str]) -> int:
        cur = self.db.execute("SELECT guid FROM cache")
        stale = [row[0] for row in cur if row[0] not in known_guids]
        return len(stale)

    def close(self) -> None:
        self.db.close()


class Urlwatcher:
    def __init__(self, cache_file: str, jobs: list[str]) -> None:
        self.cache_storage = CacheStorage(cache_file)
        self.jobs = jobs

    def run_jobs(self) -> None:
        for job in self.jobs:
            print("checking", job)

    def close(self) -> None:
        self.cache_storage.close()


class UrlwatchCommand:
    def __init__(self, urlwatcher: Urlwatcher, args) -> None:
        self.urlwatcher = urlwatcher
        self.args = args

    def handle_actions(self) -> None:
        if self.args.list:
            for job in self.urlwatcher.jobs:
                print(job)
            sys.exit(0)
        if self.args.gc_cache:
            self.urlwatcher.cache_storage.gc(self.urlwatcher.jobs)
            sys.exit(0)

    def run(self) -> None:
        self.handle_actions()
        self.urlwatcher.run_jobs()
        self.urlwatcher.close()
