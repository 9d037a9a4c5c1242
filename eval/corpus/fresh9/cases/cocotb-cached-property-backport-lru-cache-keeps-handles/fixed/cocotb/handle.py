from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from logging import Logger
from typing import Optional

from ._py_compat import cached_property


class SimHandleBase(ABC):
    """Base class for all simulation objects; hashable and equatable by identity."""

    @abstractmethod
    def __init__(self, handle, path: Optional[str]) -> None:
        self._handle = handle
        self._path: str = self._name if path is None else path

    @cached_property
    def _name(self) -> str:
        return self._handle.get_name_string()

    @cached_property
    def _type(self) -> str:
        return self._handle.get_type_string()

    @cached_property
    def _log(self) -> Logger:
        return logging.getLogger(f"cocotb.{self._name}")

    @cached_property
    def _def_name(self) -> str:
        return self._handle.get_definition_name()


class HierarchyObject(SimHandleBase):
    def __init__(self, handle, path: Optional[str]) -> None:
        super().__init__(handle, path)
        self._sub_handles = {}
