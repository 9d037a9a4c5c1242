from __future__ import annotations

from .errors import Errors


def wrap_request(event) -> None:
    """Adds a validated dict, an errors list and an info dict to the request."""
    request = event.request
    if not hasattr(request, "validated"):
        setattr(request, "validated", {})
    if not hasattr(request, "errors"):
        setattr(request, "errors", Errors(request))  # LEAK
    if not hasattr(request, "info"):
        setattr(request, "info", {})
