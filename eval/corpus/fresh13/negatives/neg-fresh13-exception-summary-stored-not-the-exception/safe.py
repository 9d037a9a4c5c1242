import traceback
from typing import Any, Callable, Dict, List


class Broker:
    def __init__(self) -> None:
        self.errors: Dict[str, List[str]] = {}

    def run(self, name: str, component: Callable[["Broker"], Any]) -> None:
        try:
            component(self)
        except Exception as ex:
            self.errors.setdefault(name, []).append("".join(traceback.format_exception(type(ex), ex, ex.__traceback__)))
