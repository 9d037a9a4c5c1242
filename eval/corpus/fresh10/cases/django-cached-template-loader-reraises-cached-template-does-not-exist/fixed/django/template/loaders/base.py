from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from django.template.exceptions import TemplateDoesNotExist


class Loader:
    def __init__(self, engine) -> None:
        self.engine = engine

    def get_template_sources(self, template_name: str) -> Iterable[str]:
        for directory in self.engine.dirs:
            yield f"{directory}/{template_name}"

    def get_contents(self, origin: str) -> str:
        with open(origin, encoding="utf-8") as handle:
            return handle.read()

    def get_template(self, template_name: str, skip: Optional[list] = None):
        tried: List[Tuple[str, str]] = []
        for origin in self.get_template_sources(template_name):
            if skip is not None and origin in skip:
                tried.append((origin, "Skipped"))
                continue
            try:
                contents = self.get_contents(origin)
            except FileNotFoundError:
                tried.append((origin, "Source does not exist"))
                continue
            return self.engine.from_string(contents)
        raise TemplateDoesNotExist(template_name, tried=tried)
