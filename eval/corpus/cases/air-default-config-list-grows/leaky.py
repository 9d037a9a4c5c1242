from __future__ import annotations

DEFAULT_CONFIG: dict = {"checks": ["csrf", "length"]}  # LEAK


def checks_for(extra: list) -> list:
    checks = DEFAULT_CONFIG["checks"]
    checks.extend(extra)  # LEAK
    return checks
