import logging
import sys
from typing import Any, Dict, List, Optional

from .theme import Theme


class Powerline:
    def __init__(self, theme_config: Dict[str, Any], import_paths: Optional[List[str]] = None) -> None:
        self.pl = logging.getLogger("statusline")
        self.theme_config = theme_config
        self.import_paths = list(import_paths or [])
        self.renderer_options: Dict[str, Any] = {}
        self.theme: Optional[Theme] = None

    def get_module_attr(self, module: str, attr: str, prefix: str = "powerline") -> Any:
        """Import module and return one of its attributes, or None."""
        oldpath = sys.path
        sys.path = self.import_paths + sys.path
        try:
            return getattr(__import__(module, fromlist=(attr,)), attr)
        except Exception as e:
            self.pl.exception("Failed to import attr %s from module %s: %s", attr, module, e)
            return None
        finally:
            sys.path = oldpath

    def create_renderer(self) -> None:
        self.renderer_options.update(
            theme_kwargs={
                "pl": self.pl,
                "get_module_attr": self.get_module_attr,  # LEAK
            }
        )
        self.theme = Theme(self.theme_config, **self.renderer_options["theme_kwargs"])

    def render(self, **kwargs: Any) -> str:
        if self.theme is None:
            self.create_renderer()
        assert self.theme is not None
        return self.theme.render(**kwargs)
