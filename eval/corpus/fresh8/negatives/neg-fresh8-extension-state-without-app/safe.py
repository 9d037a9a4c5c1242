from __future__ import annotations


class _CacheState:
    def __init__(self, cache, backend) -> None:
        self.cache = cache
        self.backend = backend


class Cache:
    def __init__(self, app=None) -> None:
        if app is not None:
            self.init_app(app)

    def init_app(self, app) -> None:
        backend = {}
        app.extensions["cache"] = _CacheState(self, backend)

    def get(self, app, key):
        return app.extensions["cache"].backend.get(key)
