from types import FrameType
from typing import Any, Callable, Dict, List, Optional

from . import hooks


class Probe:
    def __init__(self, qualify: bool = True) -> None:
        self.qualify = qualify
        self.events: List[str] = []

    def describe(self, frame: FrameType) -> Dict[str, Any]:
        name = frame.f_code.co_name
        if self.qualify:
            name = f"{frame.f_globals.get('__name__', '?')}.{name}"
        info: Dict[str, Any] = {"name": name, "frame": frame}
        owner = frame.f_locals.get("self")
        if owner is not None:
            info["owner"] = type(owner).__name__
        return info

    def make_tracer(self) -> Callable[..., Any]:
        def on_event(frame: FrameType, event: str, arg: Any) -> Optional[Callable[..., Any]]:
            if event == "call":
                self.events.append("enter " + self.describe(frame)["name"])
            elif event == "return":
                self.events.append("leave " + self.describe(frame)["name"])
            return on_event

        return on_event

    def start(self) -> None:
        hooks.install(self.make_tracer())

    def stop(self) -> None:
        hooks.uninstall()
