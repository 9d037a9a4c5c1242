from __future__ import annotations

import sys
from typing import Any, Callable, Iterable


class Client:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def captureException(self, exc_info: tuple, data: dict[str, Any] | None = None) -> None:
        exc_type, exc_value, _ = exc_info
        self.sent.append({"type": exc_type.__name__, "value": str(exc_value), "data": data or {}})


class Sentry:
    """WSGI middleware reporting errors of the wrapped application."""

    def __init__(self, application: Callable[..., Iterable[bytes]], client: Client) -> None:
        self.application = application
        self.client = client

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            iterable = self.application(environ, start_response)
        except Exception:
            exc_info = sys.exc_info()  # LEAK
            self.handle_exception(exc_info, environ)
            raise
        return iterable

    def handle_exception(self, exc_info: tuple, environ: dict[str, Any]) -> None:
        self.client.captureException(exc_info=exc_info, data={"url": environ.get("PATH_INFO")})
