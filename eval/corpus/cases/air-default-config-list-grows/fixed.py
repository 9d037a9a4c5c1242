from __future__ import annotations

DEFAULT_CONFIG: dict = {"checks": ["csrf", "length"]}


def checks_for(extra: list) -> list:
    return [*DEFAULT_CONFIG["checks"], *extra]
