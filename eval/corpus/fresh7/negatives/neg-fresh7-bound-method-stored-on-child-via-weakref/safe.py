from __future__ import annotations

import weakref
from typing import Callable


class App:
    def __init__(self, static_folder: str = "static") -> None:
        self.static_folder = static_folder
        self.view_functions: dict[str, Callable] = {}
        self_ref = weakref.ref(self)
        self.add_route("static", lambda **kw: self_ref().send_static_file(**kw))

    def add_route(self, endpoint: str, view_func: Callable) -> None:
        self.view_functions[endpoint] = view_func

    def send_static_file(self, filename: str) -> str:
        return f"{self.static_folder}/{filename}"
