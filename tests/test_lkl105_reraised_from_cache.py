"""LKL105: a caught exception cached in a container of the object and raised again on later
lookups (Django's cached template loader): each raise adds that call's frames to the kept
exception's traceback, so clearing the cache now and then does not bound it (LKL106's growth)."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

CACHED_MISS = '''\
class Loader:
    def __init__(self, backend):
        self.backend = backend
        self.cache = {}

    def get(self, name):
        cached = self.cache.get(name)
        if cached is not None:
            if isinstance(cached, LookupError):
                raise cached
            return cached
        try:
            found = self.backend.load(name)
        except LookupError as e:
            self.cache[name] = e
            raise
        self.cache[name] = found
        return found

    def reset(self):
        self.cache.clear()
'''

# The fix upstream: cache the class (or a copy without a traceback) and raise a fresh one.
CACHED_MISS_FRESH = CACHED_MISS.replace("                raise cached\n", "                raise type(cached)(name)\n")
CACHED_MISS_NOT_RAISED = CACHED_MISS.replace(
    "            if isinstance(cached, LookupError):\n                raise cached\n", "")


def test_cached_exception_raised_again_is_reported_by_default() -> None:
    found = findings_by_line(CACHED_MISS, "LKL105", "default")
    assert list(found) == [15]
    assert "raises the kept exception again" in found[15].message
    assert found[15].confidence is not Confidence.LOW


def test_cache_cleared_and_never_raised_again_stays_low() -> None:
    for source in (CACHED_MISS_FRESH, CACHED_MISS_NOT_RAISED):
        found = findings_by_line(source, "LKL105", "strict")
        assert [f.confidence for f in found.values()] == [Confidence.LOW]
