import json
from typing import Any, Callable

from . import raw
from .util import check_future_error


class Future:
    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.then_callbacks = []

    def then(self, callback: Callable[["Future"], None]) -> "Future":
        self.then_callbacks.append(callback)
        return self


class RPC(Future):
    @check_future_error
    def get_str(self) -> str:
        return raw.flux_future_get(self.handle).decode("utf-8")

    def get(self) -> Any:
        return json.loads(self.get_str())
