from typing import Any, Dict, Mapping


class Scope:
    def __init__(self) -> None:
        self._variables: Dict[str, Dict[str, Any]] = {}

    def _mutable_collection(self, col: str) -> Dict[str, Any]:
        return self._variables.setdefault(col, {})

    def put_variable(self, col: str, name: str, value: Any) -> None:
        variables = self._mutable_collection(col)

        # keep child dicts shared instead of replacing them
        def put(target: Dict[str, Any], key: str, val: Any) -> None:  # LEAK
            if key in target and isinstance(target[key], dict) and isinstance(val, Mapping):
                for k, v in val.items():
                    put(target[key], k, v)
            else:
                target[key] = val

        put(variables, name, value)
