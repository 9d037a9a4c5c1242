from __future__ import annotations

import gc
import sys

cdf = {}  # cached (decorator, func)
cdfi = {}  # cached (instance, owner, decorator, func)


def cdfi_gc_cb(phase, info) -> None:
    """Before each collection, drop the cached methods of instances nobody else holds."""
    if phase == "start":
        remove = [k for k, v in cdfi.items() if sys.getrefcount(v.func.__self__) <= 3]
        for k in remove:
            del cdfi[k]


gc.callbacks.append(cdfi_gc_cb)


class MethodDecoratorAdaptor:
    """Lets the same decorator apply to methods and functions."""

    def __init__(self, decorator, func) -> None:
        self.decorator = decorator
        self.func = func

    def __call__(self, *args, **kwargs):
        return self._get_cdf()(*args, **kwargs)

    def __get__(self, instance, owner):
        k = (instance, owner, self.decorator, self.func)
        if k not in cdfi:
            cdfi[k] = self.decorator(self.func.__get__(instance, owner))
        return cdfi[k]

    def __getattr__(self, attr):
        return getattr(self._get_cdf(), attr)

    def _get_cdf(self):
        k = (self.decorator, self.func)
        if k not in cdf:
            cdf[k] = self.decorator(self.func)
        return cdf[k]


def auto_adapt_to_methods(decorator):
    def adapt(func):
        return MethodDecoratorAdaptor(decorator, func)

    return adapt
