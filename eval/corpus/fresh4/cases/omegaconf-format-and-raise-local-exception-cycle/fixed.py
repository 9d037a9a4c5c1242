from __future__ import annotations

import copy
import os
import sys
from typing import Any


class OmegaConfBaseException(Exception):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._initialized = False
        self.key = None
        self.full_key = None


class ConfigKeyError(OmegaConfBaseException, KeyError):
    pass


def _raise(ex: Exception, cause: Exception) -> None:
    # set OC_CAUSE=1 for a trace that includes the causing exception
    full_backtrace = os.environ.get("OC_CAUSE") == "1"
    if full_backtrace:
        # `cause is ex` would make the exception its own cause: use a shallow copy instead
        ex.__cause__ = copy.copy(cause) if cause is ex else cause
    else:
        ex.__cause__ = None
    try:
        raise ex.with_traceback(sys.exc_info()[2])
    finally:
        # PEP 3110: drop the frame's references to the exception it raises
        if cause is ex:
            del cause
        del ex


def format_and_raise(node: Any, key: Any, value: Any, msg: str, cause: Exception, type_override: Any = None) -> None:
    if isinstance(cause, OmegaConfBaseException) and cause._initialized:
        ex = cause
        if type_override is not None:
            ex = type_override(str(cause))
            ex.__dict__ = copy.deepcopy(cause.__dict__)
        try:
            _raise(ex, cause)
        finally:
            if cause is ex:
                del cause
            del ex
        return  # unreachable: _raise always raises

    exception_type = type(cause) if type_override is None else type_override
    ex = exception_type(f"{msg}\n    full_key: {key}")
    ex.key = key
    ex.full_key = key
    ex._initialized = True
    try:
        _raise(ex, cause)
    finally:
        del ex


def select_value(cfg: dict, key: str) -> Any:
    try:
        return cfg[key]
    except KeyError as e:
        format_and_raise(node=cfg, key=key, value=None, msg=f"Missing key {key}", cause=e,
                         type_override=ConfigKeyError)
