from __future__ import annotations

import errno
import os


class RepositoryNotFound(Exception):
    pass


class Repository:
    def __init__(self, base: str) -> None:
        self.base = base

    def _next_stream(self) -> int:
        with open(os.path.join(self.base, "next-stream"), "rt") as fp:
            next_content = fp.read()
        try:
            return int(next_content)
        except ValueError:
            raise ValueError("Corrupt next-stream file: %r" % next_content)

    def get_test_run(self, run_id: int) -> bytes:
        try:
            with open(os.path.join(self.base, str(run_id)), "rb") as fp:
                run_subunit_content = fp.read()
        except IOError as e:
            if e.errno == errno.ENOENT:
                raise KeyError("No such run.")
            raise
        return run_subunit_content


def open_repository(url: str) -> Repository:
    base = os.path.join(os.path.expanduser(url), ".testrepository")
    try:
        stream = open(os.path.join(base, "format"), "rt")
    except (IOError, OSError) as e:
        if e.errno == errno.ENOENT:
            raise RepositoryNotFound(url)
        raise
    with stream:
        if "1\n" != stream.read():
            raise ValueError(url)
    return Repository(base)
