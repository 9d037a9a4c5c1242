"""Chooses the best available backend."""

from __future__ import annotations

from .hyperscan_base import hyperscan_error
from .re2_base import re2_error

if re2_error is None:
    _BEST_BACKEND = "re2"
elif hyperscan_error is None:
    _BEST_BACKEND = "hyperscan"
else:
    _BEST_BACKEND = "simple"


def check_backend(name: str) -> str:
    if name == "best":
        return _BEST_BACKEND
    if name == "re2" and re2_error is not None:
        raise re2_error
    if name == "hyperscan" and hyperscan_error is not None:
        raise hyperscan_error
    return name
