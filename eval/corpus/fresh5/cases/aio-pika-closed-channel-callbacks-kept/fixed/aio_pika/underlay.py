from __future__ import annotations

from typing import Callable, Set


class UnderlayChannel:
    """Stand-in for the aiormq channel: lives as long as the AMQP connection."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.on_return_callbacks: Set[Callable[..., object]] = set()
