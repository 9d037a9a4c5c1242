from __future__ import annotations

from django.template.exceptions import TemplateDoesNotExist


def copy_exception(exc: TemplateDoesNotExist, backend=None) -> TemplateDoesNotExist:
    """A new exception with the same debug data but no __traceback__, __context__ or __cause__."""
    backend = backend or exc.backend
    new = exc.__class__(*exc.args, tried=exc.tried, backend=backend, chain=exc.chain)
    if hasattr(exc, "template_debug"):
        new.template_debug = exc.template_debug
    return new


def reraise(exc: TemplateDoesNotExist, backend) -> None:
    new = copy_exception(exc, backend)
    raise new from exc


class DjangoTemplates:
    def __init__(self, engine) -> None:
        self.engine = engine

    def get_template(self, template_name: str):
        try:
            return self.engine.get_template(template_name)
        except TemplateDoesNotExist as exc:
            reraise(exc, self)
