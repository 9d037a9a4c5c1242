import uuid
from typing import Any, Callable, Dict

from .log import SessionLog


class RpcEndpoint:
    def __init__(self) -> None:
        self.functions: Dict[str, Callable[..., Any]] = {}

    def register(self, fn: Callable[..., Any], name: str) -> None:
        self.functions[name] = fn


class Session:
    def __init__(self, options: Dict[str, Any]) -> None:
        self.id = uuid.uuid4().hex[:8]
        self.rpc = RpcEndpoint()
        self.log = SessionLog(self.id, options)
        self.rpc.register(self.log.receive, "push_log")

    def call(self, name: str, *args: Any) -> Any:
        self.log.out(f"calling {name} with {args!r}", level=2)
        return self.rpc.functions[name](*args)
