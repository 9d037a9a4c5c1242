from __future__ import annotations

import logging
from functools import cached_property


class SimHandle:
    def __init__(self, handle) -> None:
        self._handle = handle

    @cached_property
    def _name(self) -> str:
        return self._handle.get_name_string()

    @cached_property
    def _log(self) -> logging.Logger:
        return logging.getLogger("sim")
