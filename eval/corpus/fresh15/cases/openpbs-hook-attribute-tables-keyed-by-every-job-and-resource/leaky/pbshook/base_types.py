from typing import Any, Dict, Optional, Tuple


class PbsAttributeDescriptor:
    """One per attribute of a class; stores the value of every instance."""

    def __init__(self, cls: type, name: str, default: Any, types: Tuple[type, ...]) -> None:
        self._name = name
        self._default = default
        self._types = types
        self.__per_instance: Dict[Any, Any] = {}
        setattr(cls, name, self)

    def _get_default_value(self) -> Any:
        return self._default() if callable(self._default) else self._default

    def __get__(self, obj: Any, cls: Optional[type] = None) -> Any:
        if obj is None:
            return self
        if obj not in self.__per_instance:
            self.__per_instance[obj] = self._get_default_value()  # LEAK
        return self.__per_instance[obj]

    def __set__(self, obj: Any, value: Any) -> None:
        if value is not None and not isinstance(value, self._types):
            raise TypeError("%s must be one of %r" % (self._name, self._types))
        self.__per_instance[obj] = value  # LEAK

    def __delete__(self, obj: Any) -> None:
        self.__per_instance[obj] = None  # LEAK


class pbs_resource:
    _attributes_hook_set: Dict[Any, Dict[str, None]] = {}
    _attributes_unknown: Dict[Any, Dict[str, None]] = {}

    def __init__(self, name: str, known: Tuple[str, ...] = ("walltime", "mem", "ncpus")) -> None:
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_known", known)
        object.__setattr__(self, "_values", {})

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._known:
            self._attributes_unknown.setdefault(self, {}).update({name: None})  # LEAK
        self._values[name] = value
        self._attributes_hook_set.setdefault(self, {}).update({name: None})  # LEAK

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name)
