import itertools
import types
from functools import lru_cache

from astroid.exceptions import AttributeInferenceError

IMPL_PREFIX = "attr_"


class ObjectModel:
    def __init__(self):
        self._instance = None

    def __get__(self, instance, cls=None):
        # ObjectModel needs to be a descriptor so that just doing
        # `special_attributes = SomeObjectModel` should be enough in the body of a node.
        self._instance = instance
        return self

    def __call__(self, instance):
        self._instance = instance
        return self

    def __contains__(self, name):
        return name in self.attributes()

    @lru_cache(maxsize=None)  # LEAK
    def attributes(self):
        """Get the attributes which are exported by this object model."""
        return [obj[len(IMPL_PREFIX):] for obj in dir(self) if obj.startswith(IMPL_PREFIX)]

    def lookup(self, name):
        """Look up the given *name* in the current model."""
        if name in self.attributes():
            return getattr(self, IMPL_PREFIX + name)
        raise AttributeInferenceError(target=self._instance, attribute=name)


class FunctionModel(ObjectModel):
    @property
    def attr___name__(self):
        return self._instance.name

    @property
    def attr___doc__(self):
        return self._instance.doc_node
