from __future__ import annotations

from .client import Client
from .event import Event

DATA_CHANGED: Event = Event()


def root(client: Client, notify) -> None:
    """A page that listens to a process-wide event for as long as its client lives."""
    DATA_CHANGED.subscribe(notify, client=client)  # LEAK
