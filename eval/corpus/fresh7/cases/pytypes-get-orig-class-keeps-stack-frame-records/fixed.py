from __future__ import annotations

import sys
from inspect import currentframe
from typing import Generic

_typing_3_7 = sys.version_info >= (3, 7)


def is_Generic(cls) -> bool:
    return isinstance(cls, type) and issubclass(cls, Generic)


def get_orig_class(obj, default_to__class__: bool = False):
    try:
        return object.__getattribute__(obj, "__orig_class__")
    except AttributeError:
        cls = object.__getattribute__(obj, "__class__")
        if _typing_3_7 and is_Generic(cls):
            # Skip get_orig_class and its caller.
            frame = currentframe().f_back.f_back
            try:
                while frame:
                    try:
                        res = frame.f_locals["self"]
                        if res.__origin__ is cls:
                            return res
                    except (KeyError, AttributeError):
                        frame = frame.f_back
            finally:
                del frame
        if default_to__class__:
            return cls
        raise


def get_Generic_type(ob):
    try:
        return get_orig_class(ob, True)
    except AttributeError:
        return ob.__class__
