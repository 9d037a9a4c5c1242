from __future__ import annotations

import weakref
from typing import Callable, Optional

from werkzeug.routing import Map, Rule

from .scaffold import Scaffold


class Flask(Scaffold):
    url_rule_class = Rule

    def __init__(self, import_name: str, static_url_path: Optional[str] = None,
                 static_folder: Optional[str] = "static", static_host: Optional[str] = None,
                 host_matching: bool = False, root_path: Optional[str] = None) -> None:
        super().__init__(import_name, static_folder=static_folder, static_url_path=static_url_path,
                         root_path=root_path)
        self.config: dict = {}
        self.extensions: dict = {}
        self.url_map = Map(host_matching=host_matching)

        if self.has_static_folder:
            assert bool(static_host) == host_matching, "Invalid static_host/host_matching combination"
            # Use a weakref to avoid creating a reference cycle between the app
            # and the view function.
            self_ref = weakref.ref(self)
            self.add_url_rule(
                f"{self.static_url_path}/<path:filename>",
                endpoint="static",
                host=static_host,
                view_func=lambda **kw: self_ref().send_static_file(**kw),
            )

    def add_url_rule(self, rule: str, endpoint: Optional[str] = None, view_func: Optional[Callable] = None,
                     **options) -> None:
        if endpoint is None:
            endpoint = view_func.__name__
        options["endpoint"] = endpoint
        self.url_map.add(self.url_rule_class(rule, methods={"GET", "HEAD", "OPTIONS"}, **options))
        if view_func is not None:
            old_func = self.view_functions.get(endpoint)
            if old_func is not None and old_func != view_func:
                raise AssertionError(f"View function mapping is overwriting an existing endpoint function: {endpoint}")
            self.view_functions[endpoint] = view_func
