from __future__ import annotations

from typing import Any, Tuple, Type
from weakref import WeakValueDictionary

GenericTypesCacheKey = Tuple[Any, ...]
# a submodel stays cached only while something else still uses it
_GENERIC_TYPES_CACHE: "WeakValueDictionary[GenericTypesCacheKey, Type[BaseModel]]" = WeakValueDictionary()


def get_cached_generic_type(key: GenericTypesCacheKey) -> Type["BaseModel"] | None:
    return _GENERIC_TYPES_CACHE.get(key)


def set_cached_generic_type(key: GenericTypesCacheKey, submodel: Type["BaseModel"]) -> None:
    _GENERIC_TYPES_CACHE[key] = submodel


class BaseModel:
    __pydantic_generic_args__: Tuple[Any, ...] = ()

    def __class_getitem__(cls, params: Any) -> Type["BaseModel"]:
        if not isinstance(params, tuple):
            params = (params,)
        key = (cls, params)
        cached = get_cached_generic_type(key)
        if cached is not None:
            return cached
        name = f"{cls.__name__}[{', '.join(getattr(p, '__name__', repr(p)) for p in params)}]"
        submodel = type(name, (cls,), {"__pydantic_generic_args__": params})
        set_cached_generic_type(key, submodel)
        return submodel
