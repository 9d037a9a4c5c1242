import itertools
import types
from typing import List

from astroid.exceptions import AttributeInferenceError

IMPL_PREFIX = "attr_"
LEN_OF_IMPL_PREFIX = len(IMPL_PREFIX)


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

    def attributes(self) -> List[str]:
        """Get the attributes which are exported by this object model."""
        return [o[LEN_OF_IMPL_PREFIX:] for o in dir(self) if o.startswith(IMPL_PREFIX)]

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
