from __future__ import annotations

from typing import Any, Callable

Handler = Callable[[Any], Any]


class Registry:
    def __init__(self, name: str) -> None:
        self.name = name
        self._exception_views: dict[type, Handler] = {}
        self.tween_factories: list[Callable[[Handler, "Registry"], Handler]] = []
        self.handler: Handler | None = None

    def add_exception_view(self, exc_type: type, view: Handler) -> None:
        self._exception_views[exc_type] = view

    def find_exception_view(self, exc: BaseException) -> Handler | None:
        for exc_type in type(exc).__mro__:
            if exc_type in self._exception_views:
                return self._exception_views[exc_type]
        return None


def excview_tween_factory(handler: Handler, registry: Registry) -> Handler:
    def excview_tween(request: Any) -> Any:
        try:
            return handler(request)
        except Exception as exc:
            view = registry.find_exception_view(exc)  # LEAK
            if view is None:
                raise
            request.exception = exc
            return view(request)

    return excview_tween


class Router:
    def __init__(self, registry: Registry) -> None:
        handler: Handler = self.route
        for factory in reversed(registry.tween_factories):
            handler = factory(handler, registry)
        registry.handler = handler  # LEAK

    def route(self, request: Any) -> Any:
        return request.view(request)


def make_app(name: str) -> Registry:
    registry = Registry(name)
    registry.tween_factories.append(excview_tween_factory)
    Router(registry)
    return registry
