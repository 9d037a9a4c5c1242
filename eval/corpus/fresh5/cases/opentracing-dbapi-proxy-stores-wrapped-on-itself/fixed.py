from __future__ import annotations

from typing import Any


class ObjectProxy:
    """Minimal stand-in for wrapt.ObjectProxy: attribute writes go to the wrapped object."""

    def __init__(self, wrapped: Any) -> None:
        object.__setattr__(self, "__wrapped__", wrapped)

    def __getattr__(self, name: str) -> Any:
        return getattr(object.__getattribute__(self, "__wrapped__"), name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_self_"):
            object.__setattr__(self, name, value)
        else:
            setattr(object.__getattribute__(self, "__wrapped__"), name, value)


class CursorWrapper(ObjectProxy):
    def __init__(self, cursor: Any, module_name: str, connect_params: Any = None) -> None:
        super().__init__(cursor)
        self._module_name = module_name
        self._connect_params = connect_params

    def execute(self, sql: str, params: Any = None) -> Any:
        return self.__wrapped__.execute(sql, params)


class ConnectionWrapper(ObjectProxy):
    def __init__(self, connection: Any, module_name: str, connect_params: Any = None) -> None:
        super().__init__(connection)
        self._module_name = module_name
        self._connect_params = connect_params

    def cursor(self, *args: Any, **kwargs: Any) -> CursorWrapper:
        return CursorWrapper(self.__wrapped__.cursor(*args, **kwargs), self._module_name, self._connect_params)

    def commit(self) -> Any:
        return self.__wrapped__.commit()
