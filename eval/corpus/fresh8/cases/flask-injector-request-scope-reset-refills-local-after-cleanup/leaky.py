from __future__ import annotations

from injector import Scope
from werkzeug.local import Local, LocalManager


class CachedProvider:
    def __init__(self, provider) -> None:
        self._provider = provider
        self._value = None

    def get(self, injector):
        if self._value is None:
            self._value = self._provider.get(injector)
        return self._value


class RequestScope(Scope):
    """A scope whose objects live as long as one request."""

    def reset(self) -> None:
        self._local_manager.cleanup()
        self._locals.scope = {}  # LEAK

    def configure(self) -> None:
        self._locals = Local()  # LEAK
        self._local_manager = LocalManager([self._locals])
        self.reset()

    def get(self, key, provider):
        try:
            return self._locals.scope[key]
        except KeyError:
            new_provider = self._locals.scope[key] = CachedProvider(provider)
            return new_provider


def install(app, injector) -> None:
    def reset_request_scope(*args, **kwargs) -> None:
        injector.get(RequestScope).reset()

    app.before_request_funcs.setdefault(None, []).insert(0, reset_request_scope)
    app.teardown_request(reset_request_scope)
