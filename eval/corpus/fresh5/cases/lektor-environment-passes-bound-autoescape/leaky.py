from __future__ import annotations

from typing import Callable, Optional


class CustomJinjaEnvironment:
    def __init__(self, autoescape: Callable[[Optional[str]], bool], extensions: list, loader: object) -> None:
        self.autoescape = autoescape
        self.extensions = extensions
        self.loader = loader
        self.globals: dict = {}


class Environment:
    def __init__(self, project_root: str, load_plugins: bool = True) -> None:
        self.root_path = project_root
        self.jinja_env = CustomJinjaEnvironment(
            autoescape=self.select_jinja_autoescape,  # LEAK
            extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"],
            loader=object(),
        )
        self.jinja_env.globals.update(site_root=project_root)

    def select_jinja_autoescape(self, filename: Optional[str]) -> bool:
        if filename is None:
            return False
        return filename.endswith((".html", ".htm", ".xml", ".xhtml"))
