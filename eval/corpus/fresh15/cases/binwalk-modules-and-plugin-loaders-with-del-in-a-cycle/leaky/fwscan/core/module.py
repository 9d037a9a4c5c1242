from typing import Any, Dict, List

from .plugin import Plugins


class Module:
    name = "module"

    def __init__(self, **kwargs: Any) -> None:
        self.results: List[Dict[str, Any]] = []
        self.errors: List[str] = []
        self.plugins = Plugins(self)
        self.plugins.load_plugins()
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __del__(self) -> None:  # LEAK
        return None

    def __enter__(self) -> "Module":
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def result(self, **fields: Any) -> None:
        self.plugins.scan_callbacks(fields)
        self.results.append(fields)

    def run(self) -> bool:
        raise NotImplementedError
