from typing import Any, Callable, Dict, List

from .config import ConfigDict


class Route:
    def __init__(self, app: "App", rule: str, callback: Callable[..., Any], **config: Any) -> None:
        self.app = app
        self.rule = rule
        self.callback = callback
        self.config = app.config.make_overlay()
        for key, value in config.items():
            self.config[key] = value


class App:
    def __init__(self) -> None:
        self.config = ConfigDict()
        self.routes: List[Route] = []

    def route(self, rule: str, callback: Callable[..., Any], **config: Any) -> Route:
        route = Route(self, rule, callback, **config)
        self.routes.append(route)
        return route

    def reset_routes(self) -> None:
        self.routes = []

    def describe(self) -> Dict[str, Any]:
        return {route.rule: dict(route.config) for route in self.routes}
