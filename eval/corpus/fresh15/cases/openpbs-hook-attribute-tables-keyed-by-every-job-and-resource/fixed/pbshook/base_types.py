from typing import Any, Dict, Optional, Tuple


class PbsAttributeDescriptor:
    """One per attribute of a class; each instance keeps its own values."""

    def __init__(self, cls: type, name: str, default: Any, types: Tuple[type, ...]) -> None:
        self._name = name
        self._default = default
        self._types = types
        setattr(cls, name, self)

    @staticmethod
    def _get_values_dict(obj: Any) -> Dict[str, Any]:
        try:
            return object.__getattribute__(obj, "__pad_values")
        except AttributeError:
            values: Dict[str, Any] = {}
            object.__setattr__(obj, "__pad_values", values)
            return values

    def _get_default_value(self) -> Any:
        return self._default() if callable(self._default) else self._default

    def __get__(self, obj: Any, cls: Optional[type] = None) -> Any:
        if obj is None:
            return self
        values = PbsAttributeDescriptor._get_values_dict(obj)
        if self._name not in values:
            values[self._name] = self._get_default_value()
        return values[self._name]

    def __set__(self, obj: Any, value: Any) -> None:
        if value is not None and not isinstance(value, self._types):
            raise TypeError("%s must be one of %r" % (self._name, self._types))
        PbsAttributeDescriptor._get_values_dict(obj)[self._name] = value

    def __delete__(self, obj: Any) -> None:
        PbsAttributeDescriptor._get_values_dict(obj)[self._name] = None


class pbs_resource:
    def __init__(self, name: str, known: Tuple[str, ...] = ("walltime", "mem", "ncpus")) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_known", known)
        object.__setattr__(self, "_values", {})
        object.__setattr__(self, "_attributes_hook_set", {})
        object.__setattr__(self, "_attributes_unknown", {})

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._known:
            self._attributes_unknown[name] = None
        self._values[name] = value
        self._attributes_hook_set[name] = None

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name)
