from typing import Any, Dict, Mapping


def _put_variable(target: Dict[str, Any], key: str, val: Any) -> None:
    # keep child dicts shared instead of replacing them
    if key in target and isinstance(target[key], dict) and isinstance(val, Mapping):
        for k, v in val.items():
            _put_variable(target[key], k, v)
    else:
        target[key] = val


class Scope:
    def __init__(self) -> None:
        self._variables: Dict[str, Dict[str, Any]] = {}

    def _mutable_collection(self, col: str) -> Dict[str, Any]:
        return self._variables.setdefault(col, {})

    def put_variable(self, col: str, name: str, value: Any) -> None:
        _put_variable(self._mutable_collection(col), name, value)
