from __future__ import annotations

from uuid import uuid4

try:
    from greenlet import getcurrent as get_ident
except ImportError:
    from threading import get_ident


class ThreadLocalSingleton:
    def __init__(self):
        if not hasattr(self.__class__, "_thread_lookup"):
            self.__class__._thread_lookup = dict()
        self.__class__._thread_lookup[get_ident()] = self  # LEAK

    def release(self):
        thread_id = get_ident()
        if self.__class__._thread_lookup[thread_id] == self:
            del self.__class__._thread_lookup[thread_id]

    @classmethod
    def instance(cls):
        if not hasattr(cls, "_thread_lookup"):
            cls._thread_lookup = dict()
        return cls._thread_lookup.get(get_ident(), None)


class RequestTrace(ThreadLocalSingleton):
    """All module instances of one request, also reachable as attributes by their key."""

    def __init__(self, modules=()):
        super().__init__()
        self.id = str(uuid4())
        self.modules = dict((m.key, m) for m in modules)
        self.__dict__.update(self.modules)
        self.persist_details = False
        self.persist_log = False
