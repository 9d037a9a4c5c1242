"""What makes a name new on every call: a logger named after one of these is a new logger each time,
and the logging manager keeps them all (LKL108 reports it directly, LKL213 leaves those to it)."""

from __future__ import annotations

import re

# Calls whose value differs on every call.
UNIQUE_VALUE_CALLS = frozenset({
    "uuid.uuid1", "uuid.uuid4", "builtins.id", "time.time", "time.time_ns", "time.monotonic", "time.perf_counter",
    "builtins.next", "random.random", "random.randint", "secrets.token_hex", "os.urandom", "itertools.count",
})
# Parameter names that say "one per request / connection / user".
PER_REQUEST_NAME = re.compile(r"(^|_)(id|ids|uuid|guid|request|req|session|conn|connection|client|peer|user|job|task)$")
