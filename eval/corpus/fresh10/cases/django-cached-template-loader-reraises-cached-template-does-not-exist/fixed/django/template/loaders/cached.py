from __future__ import annotations

from typing import Dict, Optional

from django.template.backends.django import copy_exception
from django.template.exceptions import TemplateDoesNotExist

from .base import Loader as BaseLoader


class Loader(BaseLoader):
    """Wraps the configured loaders and caches what they return, misses included."""

    def __init__(self, engine, loaders) -> None:
        self.template_cache: Dict[str, object] = {}
        self.get_template_cache: Dict[str, object] = {}
        self.loaders = list(loaders)
        super().__init__(engine)

    def cache_key(self, template_name: str, skip: Optional[list] = None) -> str:
        if skip:
            return "-".join([template_name, "|".join(sorted(skip))])
        return template_name

    def get_template(self, template_name: str, skip: Optional[list] = None):
        """
        Often many of the templates attempted will be missing, so memory use is
        a concern: when template debugging is off only the exception class is
        cached, and a cached miss is always raised as a fresh exception.
        """
        key = self.cache_key(template_name, skip)
        cached = self.get_template_cache.get(key)
        if cached:
            if isinstance(cached, type) and issubclass(cached, TemplateDoesNotExist):
                raise cached(template_name)
            elif isinstance(cached, TemplateDoesNotExist):
                raise copy_exception(cached)
            return cached

        try:
            template = super().get_template(template_name, skip)
        except TemplateDoesNotExist as e:
            self.get_template_cache[key] = copy_exception(e) if self.engine.debug else TemplateDoesNotExist
            raise
        else:
            self.get_template_cache[key] = template

        return template

    def reset(self) -> None:
        self.template_cache.clear()
        self.get_template_cache.clear()
