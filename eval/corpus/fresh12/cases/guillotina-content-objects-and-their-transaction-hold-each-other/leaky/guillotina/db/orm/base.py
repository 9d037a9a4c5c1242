
from typing import Any, Dict, Optional


class ObjectProperty:
    def __init__(self, attribute: str, default: Any) -> None:
        self.attribute = attribute
        self.default = default

    def __get__(self, inst, klass):
        if inst is None:
            return self
        return inst.__dict__.get(self.attribute, self.default)

    def __set__(self, inst, value) -> None:
        inst.__dict__[self.attribute] = value


class BaseObject:
    __parent__ = ObjectProperty("_BaseObject__parent", None)
    __of__ = ObjectProperty("_BaseObject__of", None)
    __name__ = ObjectProperty("_BaseObject__name", None)
    __new_marker__ = ObjectProperty("_BaseObject__new_marker", False)
    __uuid__ = ObjectProperty("_BaseObject__uuid", None)
    __serial__ = ObjectProperty("_BaseObject__serial", None)
    __txn__ = ObjectProperty("_BaseObject__txn", None)  # LEAK

    def __getstate__(self) -> Dict:
        return self.__dict__
