from __future__ import annotations

import threading
from uuid import uuid4


class ThreadLocalSingleton:
    def __init__(self):
        if not hasattr(self.__class__, "_thread_lookup"):
            self.__class__._thread_lookup = threading.local()
        # one slot per thread, dropped with the thread; no table keyed by thread identity
        self.__class__._thread_lookup.instance = self

    def release(self):
        if getattr(self.__class__._thread_lookup, "instance", None) is self:
            self.__class__._thread_lookup.instance = None

    @classmethod
    def instance(cls):
        if hasattr(cls, "_thread_lookup"):
            return getattr(cls._thread_lookup, "instance", None)
        return None


class RequestTrace(ThreadLocalSingleton):
    """All module instances of one request, also reachable as attributes by their key."""

    def __init__(self, modules=()):
        super().__init__()
        self.id = str(uuid4())
        self.modules = dict((m.key, m) for m in modules)
        self.__dict__.update(self.modules)
        self.persist_details = False
        self.persist_log = False
