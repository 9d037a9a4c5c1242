from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Optional


@dataclass
class WatchedKind:
    lister: Callable[..., Any]
    callback: Callable[[Any], Awaitable[None]]
    delay: float = 0.0
    type_name: Optional[str] = None


def default_kinds(apps: Any, batch: Any, explorer: Any) -> "tuple[WatchedKind, ...]":
    return (
        WatchedKind(apps.list_deployments, explorer.on_deployment, type_name="Deployment"),
        WatchedKind(apps.list_stateful_sets, explorer.on_deployment, type_name="StatefulSet"),
        WatchedKind(batch.list_jobs, explorer.on_deployment, type_name="Job"),
        WatchedKind(batch.list_events, explorer.on_event, delay=5.0, type_name="Event"),
    )
