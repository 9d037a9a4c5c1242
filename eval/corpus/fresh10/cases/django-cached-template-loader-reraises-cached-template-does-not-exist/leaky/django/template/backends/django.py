from __future__ import annotations

from django.template.exceptions import TemplateDoesNotExist


def reraise(exc: TemplateDoesNotExist, backend) -> None:
    new = TemplateDoesNotExist(*exc.args, tried=exc.tried, backend=backend, chain=exc.chain)
    raise new from exc


class DjangoTemplates:
    def __init__(self, engine) -> None:
        self.engine = engine

    def get_template(self, template_name: str):
        try:
            return self.engine.get_template(template_name)
        except TemplateDoesNotExist as exc:
            reraise(exc, self)
